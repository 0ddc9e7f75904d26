package dev.preflight.http.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a cookie's {@code Expires} date with the forgiving algorithm of RFC 6265 section 5.1.1, so
 * that {@code Thu, 01-Jan-1970 00:00:01 GMT} (PHP) and {@code Thu, 01 Jan 1970 00:00:00 GMT} read
 * alike, as they do in browsers.
 */
final class CookieDate {
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\D.*)?");
    private static final Pattern DAY = Pattern.compile("(\\d{1,2})(?:\\D.*)?");
    private static final Pattern YEAR = Pattern.compile("(\\d{2,4})(?:\\D.*)?");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    private CookieDate() {
    }

    /**
     * @param text the attribute value
     * @return the instant, or null when user agents would ignore the attribute
     */
    static Instant parse(String text) {
        int hour = -1;
        int minute = -1;
        int second = -1;
        int day = -1;
        int month = -1;
        int year = -1;
        for (String token : tokens(text)) {
            Matcher m;
            if (hour < 0 && (m = TIME.matcher(token)).matches()) {
                hour = Integer.parseInt(m.group(1));
                minute = Integer.parseInt(m.group(2));
                second = Integer.parseInt(m.group(3));
            } else if (day < 0 && (m = DAY.matcher(token)).matches()) {
                day = Integer.parseInt(m.group(1));
            } else if (month < 0 && token.length() >= 3 && MONTHS.contains(token.substring(0, 3).toLowerCase(Locale.ROOT))) {
                month = MONTHS.indexOf(token.substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
            } else if (year < 0 && (m = YEAR.matcher(token)).matches()) {
                year = Integer.parseInt(m.group(1));
            }
        }
        if (year >= 70 && year <= 99) {
            year += 1900;
        } else if (year >= 0 && year <= 69) {
            year += 2000;
        }
        if (hour < 0 || day < 1 || day > 31 || month < 0 || year < 1601 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Splits on RFC 6265's delimiters: HTAB, and the printable ASCII that is neither a digit, a letter nor a colon. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isDelimiter(c)) {
                if (token.length() > 0) {
                    tokens.add(token.toString());
                    token.setLength(0);
                }
            } else {
                token.append(c);
            }
        }
        if (token.length() > 0) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    private static boolean isDelimiter(char c) {
        return c == 0x09 || (c >= 0x20 && c <= 0x2f) || (c >= 0x3b && c <= 0x40) || (c >= 0x5b && c <= 0x60)
                || (c >= 0x7b && c <= 0x7e);
    }
}
