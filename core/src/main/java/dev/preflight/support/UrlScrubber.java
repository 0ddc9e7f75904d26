package dev.preflight.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds URLs in text and shows each without what may carry a credential: the password of its user
 * information as {@code ***}, a token-like user name (a Sentry DSN key, a GitHub token) as {@code ***},
 * its query as {@code ?…} and a fragment of parameters ({@code #access_token=…}, the OAuth implicit
 * flow) as {@code #…}.
 *
 * <p>A URL ends at whitespace, a quote or a character no URL may hold unencoded ({@code < > \ ^ ` { | }}),
 * and trailing sentence punctuation is not part of it; so a match never spans prose, as a pattern
 * from {@code ://} to the next {@code @} did ({@code 'https://[::1' is not valid …; encode @ in …}).
 */
final class UrlScrubber {
    private static final Pattern SCHEME = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://");
    /** User names this long without a password are tokens, not accounts. */
    private static final int TOKEN_USER_LENGTH = 12;

    private UrlScrubber() {
    }

    /**
     * @param text any text
     * @return the text with every URL in it scrubbed
     */
    static String inText(String text) {
        if (!text.contains("://")) {
            return text;
        }
        Matcher m = SCHEME.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        while (from < text.length() && m.find(from)) {
            int end = urlEnd(text, m.end());
            String url = text.substring(m.start(), end);
            String scrubbed = scrub(url);
            if (!scrubbed.equals(url)) {
                out = out != null ? out : new StringBuilder(text.length());
                out.append(text, copied, m.start()).append(scrubbed);
                copied = end;
            }
            from = Math.max(end, m.end());
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * @param url one URL, possibly malformed (spaces are taken as part of it)
     * @return it scrubbed
     */
    static String scrub(String url) {
        int sep = url.indexOf("://");
        if (sep < 0) {
            return url;
        }
        int authorityStart = sep + 3;
        int authorityEnd = indexOfAny(url, authorityStart, "/?#");
        StringBuilder out = new StringBuilder(url.length()).append(url, 0, authorityStart);
        String authority = url.substring(authorityStart, authorityEnd);
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String info = authority.substring(0, at);
            int colon = info.indexOf(':');
            out.append(colon >= 0 ? info.substring(0, colon) + ":***"
                    : info.length() >= TOKEN_USER_LENGTH ? "***" : info).append(authority, at, authority.length());
        } else {
            out.append(authority);
        }
        int hash = url.indexOf('#', authorityEnd);
        int query = url.indexOf('?', authorityEnd);
        if (query > hash && hash >= 0) {
            query = -1;
        }
        int pathEnd = query >= 0 ? query : hash >= 0 ? hash : url.length();
        out.append(url, authorityEnd, pathEnd);
        if (query >= 0) {
            out.append(query + 1 == (hash >= 0 ? hash : url.length()) ? "?" : "?…");
        }
        if (hash >= 0) {
            String fragment = url.substring(hash + 1);
            out.append('#').append(fragment.indexOf('=') >= 0 || fragment.indexOf('&') >= 0 ? "…" : fragment);
        }
        return out.toString();
    }

    private static int urlEnd(String text, int from) {
        int end = from;
        while (end < text.length() && !stops(text.charAt(end))) {
            end++;
        }
        while (end > from && ".,;:!?)]}".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    private static boolean stops(char c) {
        return Character.isWhitespace(c) || Character.isISOControl(c) || "\"'<>\\^`{|}".indexOf(c) >= 0;
    }

    private static int indexOfAny(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}
