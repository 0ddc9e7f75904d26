package dev.preflight.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The forms a secret travels in besides its raw text: percent-encoded in a URL or form body, and
 * Base64-encoded in a header ({@code Authorization: Basic} carries {@code base64(user:password)}).
 * A server that echoes a request (a debug page, a reflected header) shows these forms, not the raw one.
 */
final class SecretForms {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SecretForms() {
    }

    /**
     * @param secret a secret value
     * @return its encoded forms, without the raw value itself: {@code application/x-www-form-urlencoded}
     *     ({@code +} for space) and RFC 3986 percent-encoding ({@code %20}), each with upper- and
     *     lower-case hex digits; Base64, standard and URL-safe, with and without padding
     */
    static Set<String> of(String secret) {
        Set<String> forms = new LinkedHashSet<>();
        String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        for (String encoded : new String[] {form, form.replace("+", "%20"), percentEncoded(secret)}) {
            forms.add(encoded);
            forms.add(lowerHex(encoded));
        }
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        forms.add(Base64.getEncoder().encodeToString(bytes));
        forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
        forms.add(Base64.getUrlEncoder().encodeToString(bytes));
        forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        forms.remove(secret);
        return forms;
    }

    /** RFC 3986 section 2.3: everything but unreserved characters is encoded, as JavaScript's encodeURIComponent nearly does. */
    private static String percentEncoded(String secret) {
        StringBuilder out = new StringBuilder(secret.length() * 3);
        for (byte b : secret.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_' || c == '~')) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.toString();
    }

    private static String lowerHex(String encoded) {
        StringBuilder out = new StringBuilder(encoded);
        for (int i = encoded.indexOf('%'); i >= 0 && i + 2 < encoded.length(); i = encoded.indexOf('%', i + 1)) {
            out.replace(i + 1, i + 3, encoded.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
