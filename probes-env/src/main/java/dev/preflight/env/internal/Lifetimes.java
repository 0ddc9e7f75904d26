package dev.preflight.env.internal;

import dev.preflight.support.Durations;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads token lifetimes as JWT libraries take them from the environment.
 *
 * <p>A plain number is in the unit the variable's name states ({@code _MS}, {@code _MINUTES},
 * {@code _HOURS}, {@code _DAYS}) and otherwise in seconds, as {@code jsonwebtoken}'s numeric
 * {@code expiresIn} is. Text follows {@code vercel/ms}, which {@code jsonwebtoken} uses: {@code 15m},
 * {@code 7d}, {@code 2 days}, {@code 1w}, {@code 1.5h}; {@link Durations} forms ({@code 1h30m},
 * {@code PT15M}) are accepted too.
 *
 * @since 0.1
 */
public final class Lifetimes {
    /** Values that configure tokens never to expire, e.g. Flask-JWT-Extended's {@code False}. */
    private static final Set<String> NEVER = Set.of("false", "never", "none", "null", "0", "-1", "infinity");
    private static final Pattern MS_STYLE = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(ms|msecs?|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?"
                    + "|d|days?|w|weeks?|y|yrs?|years?)");

    private Lifetimes() {
    }

    /**
     * @param value the value as written
     * @return whether it asks for tokens that never expire ({@code false}, {@code never}, {@code 0}, …)
     */
    public static boolean isNever(String value) {
        return NEVER.contains(Variables.clean(value).toLowerCase(Locale.ROOT));
    }

    /**
     * @param name the variable name, whose suffix may state the unit of a plain number
     * @param value the value
     * @return the lifetime
     * @throws IllegalArgumentException if the value is not a lifetime; the message quotes no value
     */
    public static Duration parse(String name, String value) {
        String v = Variables.clean(value).toLowerCase(Locale.ROOT);
        if (v.matches("\\d+(\\.\\d+)?")) {
            return seconds(new BigDecimal(v).multiply(BigDecimal.valueOf(unitSeconds(name))));
        }
        Matcher m = MS_STYLE.matcher(v);
        if (m.matches()) {
            return seconds(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitSeconds(m.group(2)))));
        }
        try {
            return Durations.parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a duration (expected seconds, or 15m, 1h, 7d)");
        }
    }

    private static Duration seconds(BigDecimal seconds) {
        return Duration.ofMillis(seconds.movePointRight(3).longValue());
    }

    /** Seconds per unit, where the unit is a name's last word (…_MINUTES) or an ms-style unit (15m). */
    private static double unitSeconds(String unitOrName) {
        String u = unitOrName.substring(unitOrName.lastIndexOf('_') + 1).toLowerCase(Locale.ROOT);
        switch (u) {
            case "ms": case "msec": case "msecs": case "millis": case "millisecond": case "milliseconds":
                return 0.001;
            case "m": case "min": case "mins": case "minute": case "minutes":
                return 60;
            case "h": case "hr": case "hrs": case "hour": case "hours":
                return 3600;
            case "d": case "day": case "days":
                return 86_400;
            case "w": case "week": case "weeks":
                return 7 * 86_400;
            case "y": case "yr": case "yrs": case "year": case "years":
                // vercel/ms counts a year as 365.25 days.
                return 365.25 * 86_400;
            default:
                return 1;
        }
    }

    /**
     * How to write a lifetime for a variable so it reads the way the variable already does: a plain
     * number in the name's unit when the current value is a plain number, else {@code 15m} style.
     *
     * @param name the variable name
     * @param currentValue its current value
     * @param d the lifetime to write
     * @return e.g. {@code 15} for {@code ACCESS_TOKEN_EXPIRE_MINUTES=10080}, {@code 900} for
     *     {@code JWT_EXPIRES_IN=604800}, {@code 15m} for {@code JWT_EXPIRES_IN=7d}
     */
    public static String write(String name, String currentValue, Duration d) {
        if (!Variables.clean(currentValue).matches("\\d+(\\.\\d+)?")) {
            return format(d);
        }
        BigDecimal perUnit = BigDecimal.valueOf(unitSeconds(name)).movePointRight(3);
        return BigDecimal.valueOf(d.toMillis()).divide(perUnit, 3, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * @param d a lifetime
     * @return it in the largest whole unit, e.g. {@code 7d}, {@code 15m}, {@code 90s}
     */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s > 0 && s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s > 0 && s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s > 0 && s % 60 == 0) {
            return s / 60 + "m";
        }
        return s > 0 ? s + "s" : d.toMillis() + "ms";
    }
}
