package dev.preflight.http.internal;

import java.time.Instant;
import java.util.Locale;

/**
 * Parses {@code Set-Cookie} lines the way user agents do (RFC 6265 section 5.2, with the limits of
 * RFC 6265bis section 5.6), leniently: attribute names in any case, unknown attributes ignored, odd
 * spacing accepted. A line a user agent would ignore comes back as {@link Line#malformed} with the
 * reason, never an exception, and never quoting the line: it may hold a cookie's value.
 */
public final class SetCookieParser {
    /** RFC 6265bis: user agents ignore a cookie whose name and value together exceed this. */
    static final int MAX_NAME_VALUE = 4096;

    private SetCookieParser() {
    }

    /**
     * The outcome for one line: a cookie, or the reason user agents ignore the line.
     *
     * @param cookie the cookie, or null when malformed
     * @param problem why the line is ignored, or null when it sets a cookie
     */
    public record Line(SetCookie cookie, String problem) {
        static Line ok(SetCookie cookie) {
            return new Line(cookie, null);
        }

        static Line malformed(String problem) {
            return new Line(null, problem);
        }

        /** @return whether the line sets a cookie */
        public boolean isCookie() {
            return cookie != null;
        }
    }

    /**
     * @param line the value of one {@code Set-Cookie} header line
     * @return the cookie, or why user agents ignore the line
     */
    public static Line parse(String line) {
        if (line == null || line.isBlank()) {
            return Line.malformed("is empty");
        }
        if (hasControlCharacter(line)) {
            // RFC 6265bis 5.6 step 1: any CTL but HTAB makes the user agent drop the line.
            return Line.malformed("contains a control character");
        }
        int semicolon = line.indexOf(';');
        String pair = semicolon < 0 ? line : line.substring(0, semicolon);
        int equals = pair.indexOf('=');
        if (equals < 0) {
            return Line.malformed("has no '=' between name and value");
        }
        String name = trim(pair.substring(0, equals));
        String value = trim(pair.substring(equals + 1));
        if (name.isEmpty()) {
            return Line.malformed("has an empty cookie name");
        }
        if (name.length() + value.length() > MAX_NAME_VALUE) {
            return Line.malformed("has a name and value longer than " + MAX_NAME_VALUE + " bytes");
        }
        return Line.ok(attributes(name, semicolon < 0 ? "" : line.substring(semicolon + 1)));
    }

    private static SetCookie attributes(String name, String unparsed) {
        boolean secure = false;
        boolean httpOnly = false;
        String sameSite = null;
        String domain = null;
        String path = null;
        Long maxAge = null;
        Instant expires = null;
        for (String av : unparsed.split(";", -1)) {
            int equals = av.indexOf('=');
            String attribute = trim(equals < 0 ? av : av.substring(0, equals)).toLowerCase(Locale.ROOT);
            String value = equals < 0 ? "" : trim(av.substring(equals + 1));
            switch (attribute) {
                case "secure" -> secure = true;
                case "httponly" -> httpOnly = true;
                case "samesite" -> sameSite = value;
                case "domain" -> domain = value.isEmpty() ? domain : stripDot(value).toLowerCase(Locale.ROOT);
                case "path" -> path = value.startsWith("/") ? value : null;
                case "max-age" -> maxAge = maxAge(value, maxAge);
                case "expires" -> {
                    Instant parsed = CookieDate.parse(value);
                    expires = parsed == null ? expires : parsed;
                }
                default -> {
                    // Unknown attributes (Partitioned, Priority, typos) are ignored, as user agents do.
                }
            }
        }
        return new SetCookie(name, secure, httpOnly, sameSite, domain, path, maxAge, expires);
    }

    /** RFC 6265 5.2.2: an optional minus then digits; anything else leaves the previous value. */
    private static Long maxAge(String value, Long previous) {
        if (!value.matches("-?[0-9]+")) {
            return previous;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return value.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static String stripDot(String domain) {
        return domain.startsWith(".") ? domain.substring(1) : domain;
    }

    private static boolean hasControlCharacter(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** Removes leading and trailing spaces and tabs (WSP), as RFC 6265 says. */
    private static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(start, end);
    }
}
