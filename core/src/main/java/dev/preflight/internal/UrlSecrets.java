package dev.preflight.internal;

import dev.preflight.support.SecretNames;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The secrets a URL carries, in the forms a run may meet them: the password of its user information
 * (raw and percent-decoded), the {@code user:password} pair that probes send as
 * {@code Authorization: Basic} (so the redactor learns its Base64 form), a token-like user name (a
 * Sentry DSN key), and the values of query and fragment parameters with secret-looking names
 * ({@code api_key}, {@code access_token}, {@code sig}) or token-like values.
 */
final class UrlSecrets {
    /** Query parameter names that hold credentials but are not environment-variable-like. */
    private static final Pattern QUERY_SECRET =
            Pattern.compile("(?i)(.*sig(nature)?|code|session|sessionid|sid|jwt|ticket|otp)");
    private static final Pattern TOKEN_LIKE = Pattern.compile("(?=.*[0-9])(?=.*[A-Za-z])[A-Za-z0-9._~+/=%-]{16,}");
    private static final int TOKEN_USER_LENGTH = 12;

    private UrlSecrets() {
    }

    /**
     * @param text any text; a URL yields its secrets, other text nothing
     * @return the secrets, in the order found
     */
    static Set<String> of(String text) {
        Set<String> found = new LinkedHashSet<>();
        String url = text.strip();
        int sep = url.indexOf("://");
        if (sep < 0) {
            return found;
        }
        String info;
        String query = null;
        String fragment = null;
        try {
            URI uri = new URI(url);
            info = uri.getHost() != null ? uri.getRawUserInfo() : lenientUserInfo(url, sep);
            query = uri.getRawQuery();
            fragment = uri.getRawFragment();
        } catch (URISyntaxException e) {
            // A password holding an unencoded space or '/' makes the URL malformed, yet it is a password.
            info = lenientUserInfo(url, sep);
        }
        if (info != null) {
            credentials(info, found);
        }
        parameters(query, found);
        parameters(fragment, found);
        return found;
    }

    /** @return what precedes the last '@' of the part after {@code ://}, before any query or fragment */
    private static String lenientUserInfo(String url, int sep) {
        String rest = url.substring(sep + 3);
        int end = rest.length();
        for (char c : new char[] {'?', '#'}) {
            int i = rest.indexOf(c);
            end = i >= 0 ? Math.min(end, i) : end;
        }
        int at = rest.lastIndexOf('@', end - 1);
        return at > 0 ? rest.substring(0, at) : null;
    }

    private static void credentials(String info, Set<String> found) {
        int colon = info.indexOf(':');
        if (colon < 0) {
            if (info.length() >= TOKEN_USER_LENGTH) {
                found.addAll(List.of(info, decoded(info), userInfoDecoded(info)));
            }
            return;
        }
        String password = info.substring(colon + 1);
        if (password.isEmpty()) {
            return;
        }
        String user = info.substring(0, colon);
        found.addAll(List.of(password, decoded(password), userInfoDecoded(password), info,
                decoded(user) + ":" + decoded(password), userInfoDecoded(user) + ":" + userInfoDecoded(password)));
    }

    /** In user information a '+' is itself (RFC 3986), not a space as in a form: what a client sends. */
    private static String userInfoDecoded(String s) {
        return decoded(s.replace("+", "%2B"));
    }

    private static void parameters(String query, Set<String> found) {
        if (query == null || query.isEmpty()) {
            return;
        }
        for (String pair : query.split("[&;]")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                continue;
            }
            String name = decoded(pair.substring(0, eq));
            String value = pair.substring(eq + 1);
            if (SecretNames.isSecret(name) || QUERY_SECRET.matcher(name).matches() || TOKEN_LIKE.matcher(value).matches()) {
                found.addAll(List.of(value, decoded(value)));
            }
        }
    }

    private static String decoded(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
