package dev.preflight.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** JSON literals for strings and numbers (RFC 8259). */
final class JsonStrings {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonStrings() {
    }

    /**
     * Quotes and escapes a string. Control characters become <code>&#92;u00XX</code>; U+2028 and U+2029 are
     * escaped too, as JavaScript before ES2019 ends a line at them; a lone surrogate is escaped
     * rather than mangled by the encoder. Other non-ASCII characters stay as they are.
     */
    static String quote(String text) {
        int first = firstToEscape(text);
        if (first < 0) {
            // Most texts of a report need no escape: one copy instead of a character-by-character one.
            return "\"" + text + "\"";
        }
        StringBuilder out = new StringBuilder(text.length() + 8).append('"').append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || isLoneSurrogate(text, i)) {
                        out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                                .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** @return the index of the first character {@link #quote} escapes, or -1 */
    private static int firstToEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029'
                    || Character.isSurrogate(c) && isLoneSurrogate(text, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isLoneSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }

    /** @return the number as a JSON number literal, or null when it has none (NaN, infinities) */
    static String number(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger || n instanceof AtomicInteger || n instanceof AtomicLong) {
            return n.toString();
        }
        if (n instanceof BigDecimal) {
            return n.toString();
        }
        if (n instanceof Float) {
            // Float's own digits: widening 0.1f to double would print 0.10000000149011612.
            return Float.isFinite((Float) n) ? n.toString() : null;
        }
        double d = n.doubleValue();
        return Double.isFinite(d) ? Double.toString(d) : null;
    }
}
