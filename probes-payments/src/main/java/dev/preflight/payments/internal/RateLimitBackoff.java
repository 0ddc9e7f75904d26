package dev.preflight.payments.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * How long to wait before the one retry after a 429, if at all. Stripe recommends backing off
 * (https://docs.stripe.com/rate-limits); a {@code Retry-After} of a few seconds is honoured, a
 * longer one means the limit will not lift within a probe's deadline.
 */
public final class RateLimitBackoff {
    /** The wait when the provider names none. */
    static final Duration DEFAULT = Duration.ofMillis(500);
    /** Longest {@code Retry-After} worth waiting for. */
    static final Duration LONGEST = Duration.ofSeconds(5);
    /** Time the retry itself needs after the wait, or it would only run into the deadline. */
    static final Duration FOR_THE_RETRY = Duration.ofMillis(250);

    private RateLimitBackoff() {
    }

    /**
     * @param retryAfter the {@code Retry-After} header, if any (seconds; an HTTP date counts as absent)
     * @param remaining time left until the deadline
     * @return the wait before retrying, or empty when a retry would not fit
     */
    public static Optional<Duration> delay(Optional<String> retryAfter, Duration remaining) {
        Duration wait = retryAfter.flatMap(RateLimitBackoff::seconds).orElse(DEFAULT);
        if (wait.compareTo(LONGEST) > 0 || wait.plus(FOR_THE_RETRY).compareTo(remaining) > 0) {
            return Optional.empty();
        }
        return Optional.of(wait);
    }

    private static Optional<Duration> seconds(String header) {
        try {
            long s = Long.parseLong(header.strip());
            return s < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
