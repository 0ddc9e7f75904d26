package dev.preflight.support;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and prints durations the way configuration files and command lines write them:
 * {@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}, {@code 30d}, combinations such as {@code 1m30s},
 * or ISO-8601 ({@code PT10S}). A duration is at most {@code Long.MAX_VALUE} nanoseconds, about 292
 * years, so that deadlines computed from it never overflow.
 *
 * <pre>{@code
 * Duration d = Durations.parse("1m30s"); // PT1M30S
 * Durations.format(Duration.ofMillis(1200)); // "1.2s"
 * }</pre>
 *
 * @since 0.1
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Duration MAX = Duration.ofNanos(Long.MAX_VALUE);

    private Durations() {
    }

    /**
     * @param text the duration text
     * @return the duration
     * @throws IllegalArgumentException if the text is not a duration, is negative, or is longer than
     *     about 292 years (its message then starts with {@code too long})
     */
    public static Duration parse(String text) {
        Duration d;
        try {
            d = parseUnbounded(text);
        } catch (ArithmeticException e) {
            throw tooLong(text);
        }
        if (d.compareTo(MAX) > 0) {
            throw tooLong(text);
        }
        return d;
    }

    private static IllegalArgumentException tooLong(String text) {
        return new IllegalArgumentException("too long: " + text + " (at most 292 years)");
    }

    private static Duration parseUnbounded(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty duration");
        }
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("pt") || s.startsWith("p")) {
            try {
                Duration d = Duration.parse(s.toUpperCase(Locale.ROOT));
                if (d.isNegative()) {
                    throw new IllegalArgumentException("negative duration: " + text);
                }
                return d;
            } catch (DateTimeParseException e) {
                if (e.getCause() instanceof ArithmeticException) {
                    throw tooLong(text);
                }
                throw new IllegalArgumentException("not a duration: " + text);
            }
        }
        Matcher m = PART.matcher(s);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n;
            try {
                n = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                throw tooLong(text);
            }
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
            end = m.end();
        }
        if (end == 0 || end != s.length()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        return total;
    }

    /**
     * @param duration a duration
     * @return a short human form: {@code 850ms}, {@code 1.2s}, {@code 10s}, {@code 3m}
     */
    public static String format(Duration duration) {
        long ms = duration.toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 10_000 && ms % 1000 != 0) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long s = duration.toSeconds();
        if (s < 120 || s % 60 != 0) {
            return s + "s";
        }
        long m = duration.toMinutes();
        return m % 60 == 0 ? m / 60 + "h" : m + "m";
    }
}
