package dev.preflight.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitBackoffTest {
    private static final Duration PLENTY = Duration.ofSeconds(10);

    @Test
    void shortRetryAfterIsHonoured() {
        assertThat(RateLimitBackoff.delay(Optional.of("2"), PLENTY)).contains(Duration.ofSeconds(2));
    }

    @Test
    void noRetryAfterBacksOffByDefault() {
        assertThat(RateLimitBackoff.delay(Optional.empty(), PLENTY)).contains(RateLimitBackoff.DEFAULT);
        assertThat(RateLimitBackoff.delay(Optional.of("Wed, 21 Oct 2026 07:28:00 GMT"), PLENTY)).contains(RateLimitBackoff.DEFAULT);
    }

    @Test
    void longRetryAfterIsNotWaitedFor() {
        assertThat(RateLimitBackoff.delay(Optional.of("6"), PLENTY)).isEmpty();
    }

    @Test
    void aRetryThatWouldMissTheDeadlineIsNotMade() {
        assertThat(RateLimitBackoff.delay(Optional.of("1"), Duration.ofMillis(1200))).isEmpty();
        assertThat(RateLimitBackoff.delay(Optional.of("1"), Duration.ofMillis(1300))).contains(Duration.ofSeconds(1));
    }
}
