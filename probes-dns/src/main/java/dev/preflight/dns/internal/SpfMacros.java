package dev.preflight.dns.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Macro expansion of RFC 7208 7 for the domain-specs of mechanisms and modifiers: the letters
 * {@code s l o d i p v h}, the transformers (a count of right-hand parts and {@code r} for reverse),
 * the delimiters {@code . - + , / _ =}, upper-case letters URL-escaped, and {@code %% %_ %-}. The
 * letters {@code c r t} belong to explanation text only, which this evaluator does not build: the
 * grammar check ({@link SpfRecord}) rejects them elsewhere. Expects text {@link SpfRecord} accepted;
 * a malformed macro is copied as written. Immutable; {@code p} asks DNS through its source.
 */
public final class SpfMacros {
    /** RFC 1035 2.3.4; RFC 7208 7.3 truncates an expanded name from the left to fit. */
    private static final int MAX_NAME = 253;
    private static final String DELIMITERS = ".-+,/_=";

    /** Where {@code %{p}} comes from: the validated name of the client address (RFC 7208 7.3). */
    @FunctionalInterface
    public interface ValidatedName {
        /**
         * @param domain the domain being evaluated, whose own name or subdomains are preferred
         * @return a validated name of the client address, or {@code unknown}
         * @throws IOException if the DNS server did not answer in time
         */
        String of(String domain) throws IOException;
    }

    private final String sender;
    private final String local;
    private final String senderDomain;
    private final InetAddress ip;
    private final String helo;
    private final ValidatedName validatedName;

    /**
     * @param sender the sender, {@code local@domain}, its local part already {@code postmaster} when it had none
     * @param ip the client address, {@link SpfNetworks#canonical canonical}
     * @param helo the HELO/EHLO name for {@code %{h}}
     * @param validatedName the source of {@code %{p}}
     */
    public SpfMacros(String sender, InetAddress ip, String helo, ValidatedName validatedName) {
        int at = sender.lastIndexOf('@');
        this.sender = sender;
        this.local = sender.substring(0, at);
        this.senderDomain = sender.substring(at + 1);
        this.ip = ip;
        this.helo = helo;
        this.validatedName = validatedName;
    }

    /**
     * @param spec a domain-spec as written, e.g. {@code %{ir}.%{v}._spf.%{d2}}
     * @param domain the domain being evaluated ({@code %{d}})
     * @return the name to ask DNS: expanded, without a trailing dot, at most 253 characters (left-most
     *     labels dropped, RFC 7208 7.3)
     * @throws IOException if expanding {@code %{p}} needed DNS and it did not answer in time
     */
    public String domain(String spec, String domain) throws IOException {
        String name = expand(spec, domain);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        while (name.length() > MAX_NAME && name.indexOf('.') >= 0) {
            name = name.substring(name.indexOf('.') + 1);
        }
        return name;
    }

    /**
     * @param text a macro-string (RFC 7208 7.1)
     * @param domain the domain being evaluated ({@code %{d}})
     * @return the text with every macro expanded
     * @throws IOException if expanding {@code %{p}} needed DNS and it did not answer in time
     */
    public String expand(String text, String domain) throws IOException {
        StringBuilder out = new StringBuilder(text.length() + 16);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            int close = next == '{' ? text.indexOf('}', i + 2) : -1;
            if (c != '%' || (next == '{' && close < 0)) {
                out.append(c);
                i++;
            } else if (next == '{') {
                out.append(macro(text.substring(i + 2, close), domain));
                i = close + 1;
            } else {
                out.append(switch (next) {
                    case '%' -> "%";
                    case '_' -> " ";
                    case '-' -> "%20";
                    default -> "%" + (next == 0 ? "" : String.valueOf(next));
                });
                i += next == 0 ? 1 : 2;
            }
        }
        return out.toString();
    }

    private String macro(String body, String domain) throws IOException {
        if (body.isEmpty()) {
            return "";
        }
        char letter = body.charAt(0);
        String value = value(Character.toLowerCase(letter), domain);
        int k = 1;
        while (k < body.length() && Character.isDigit(body.charAt(k))) {
            k++;
        }
        int keep = k > 1 ? parseCount(body.substring(1, k)) : 0;
        boolean reverse = k < body.length() && Character.toLowerCase(body.charAt(k)) == 'r';
        String delimiters = body.substring(reverse ? k + 1 : k);
        List<String> parts = split(value, delimiters.isEmpty() ? "." : delimiters);
        if (reverse) {
            Collections.reverse(parts);
        }
        if (keep > 0 && keep < parts.size()) {
            parts = parts.subList(parts.size() - keep, parts.size());
        }
        String joined = String.join(".", parts);
        return Character.isUpperCase(letter) ? urlEscape(joined) : joined;
    }

    private static int parseCount(String digits) {
        // More right-hand parts than a name can have means all of them.
        return digits.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    private String value(char letter, String domain) throws IOException {
        return switch (letter) {
            case 's' -> sender;
            case 'l' -> local;
            case 'o' -> senderDomain;
            case 'd' -> domain;
            case 'i' -> SpfNetworks.dotted(ip);
            case 'p' -> validatedName.of(domain);
            case 'v' -> SpfNetworks.version(ip);
            case 'h' -> helo;
            default -> "";
        };
    }

    private static List<String> split(String value, String delimiters) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (delimiters.indexOf(c) >= 0 && DELIMITERS.indexOf(c) >= 0) {
                parts.add(value.substring(start, k));
                start = k + 1;
            }
        }
        parts.add(value.substring(start));
        return parts;
    }

    /** RFC 7208 7.3: upper-case macros are URL-escaped; all but the unreserved characters of RFC 3986. */
    static String urlEscape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }
}
