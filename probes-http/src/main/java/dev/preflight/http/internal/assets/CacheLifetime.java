package dev.preflight.http.internal.assets;

import dev.preflight.http.internal.Page;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a browser may reuse an answer without asking again (RFC 9111 4.2.1): {@code no-store}
 * and {@code no-cache} mean not at all; else {@code max-age}; else {@code Expires} minus
 * {@code Date}. {@code s-maxage} is for shared caches only and is not counted. Whether the answer is
 * {@code immutable} (RFC 8246) is read too.
 *
 * @param seconds the lifetime; 0 for none; empty when the answer says nothing (heuristic caching)
 * @param immutable whether {@code Cache-Control} carries {@code immutable}
 * @param malformed whether a {@code max-age} was there but not a number
 */
public record CacheLifetime(Optional<Long> seconds, boolean immutable, boolean malformed) {
    private static final Pattern MAX_AGE = Pattern.compile("(?i)(?:^|[,\\s])max-age\\s*=\\s*\"?([^,\"\\s]*)");
    private static final Pattern NO = Pattern.compile("(?i)(?:^|[,\\s])no-(store|cache)(?![\\w-])");
    private static final Pattern IMMUTABLE = Pattern.compile("(?i)(?:^|[,\\s])immutable(?![\\w-])");

    /**
     * @param page an answer
     * @return its lifetime for a browser's cache
     */
    public static CacheLifetime of(Page page) {
        String control = String.join(", ", page.headers("Cache-Control"));
        boolean immutable = IMMUTABLE.matcher(control).find();
        if (NO.matcher(control).find()) {
            return new CacheLifetime(Optional.of(0L), immutable, false);
        }
        Matcher maxAge = MAX_AGE.matcher(control);
        if (maxAge.find()) {
            try {
                return new CacheLifetime(Optional.of(Math.max(0, Long.parseLong(maxAge.group(1)))), immutable, false);
            } catch (NumberFormatException e) {
                // RFC 9111 4.2.1: an invalid max-age makes the answer stale, so nothing long is granted.
                return new CacheLifetime(Optional.of(0L), immutable, true);
            }
        }
        Optional<ZonedDateTime> expires = page.header("Expires").flatMap(CacheLifetime::date);
        Optional<ZonedDateTime> date = page.header("Date").flatMap(CacheLifetime::date);
        if (page.header("Expires").isPresent() && expires.isEmpty()) {
            // RFC 9111 5.3: an invalid Expires (such as 0) means already expired.
            return new CacheLifetime(Optional.of(0L), immutable, false);
        }
        if (expires.isPresent() && date.isPresent()) {
            return new CacheLifetime(Optional.of(Math.max(0, Duration.between(date.get(), expires.get()).getSeconds())),
                    immutable, false);
        }
        return new CacheLifetime(Optional.empty(), immutable, false);
    }

    private static Optional<ZonedDateTime> date(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * @param seconds a lifetime
     * @return it for people, e.g. {@code 1 year}, {@code 7 days}, {@code 10 minutes}
     */
    public static String describe(long seconds) {
        if (seconds >= 31_536_000L) {
            long years = seconds / 31_536_000L;
            return years + (years == 1 ? " year" : " years");
        }
        if (seconds >= 86_400L) {
            long days = seconds / 86_400L;
            return days + (days == 1 ? " day" : " days");
        }
        if (seconds >= 3600L) {
            return (seconds / 3600L) + " h";
        }
        return String.format(Locale.ROOT, "%d s", seconds);
    }
}
