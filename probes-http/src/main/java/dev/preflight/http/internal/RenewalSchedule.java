package dev.preflight.http.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * When a certificate should have been replaced, from its own dates. A certificate renewed by an ACME
 * client is replaced once a third of its lifetime is left, or half of it for lifetimes under ten days
 * (certbot 4.0's rule; Let's Encrypt's advice since 2015 is to renew a 90-day certificate at 60
 * days). A certificate that no automation renews (longer than {@value #AUTOMATED_MAX_DAYS} days and
 * not from an ACME CA, like the 398-day certificates sold until March 2026) is renewed by hand, and
 * its renewal point is simply the expiry warning threshold: warning a healthy 300-day-old 398-day
 * certificate would only teach people to ignore the probe. Immutable.
 *
 * @param notBefore the start of validity
 * @param notAfter the end of validity
 * @param automated whether renewal is expected to be automated
 * @param due when renewal should have happened
 * @param grace how long after {@code due} a renewal may still be pending without anything being wrong
 */
public record RenewalSchedule(Instant notBefore, Instant notAfter, boolean automated, Instant due, Duration grace) {
    /** The longest lifetime taken as automated whoever issued it: SC-081v3's maximum from 2027-03-15. */
    public static final int AUTOMATED_MAX_DAYS = 100;
    private static final Duration SHORT_LIFETIME = Duration.ofDays(10);
    /** Renewal clients run once or twice a day (certbot's timer: twice), so a day late is not yet stalled. */
    private static final Duration CLIENT_PERIOD = Duration.ofDays(1);

    /**
     * @param notBefore the start of validity
     * @param notAfter the end of validity, after {@code notBefore}
     * @param acmeIssuer whether the issuer is known to issue through ACME
     * @param manualWarnDays for certificates renewed by hand, the days before expiry by which to renew
     * @return the schedule
     */
    public static RenewalSchedule of(Instant notBefore, Instant notAfter, boolean acmeIssuer, int manualWarnDays) {
        Duration lifetime = Duration.between(notBefore, notAfter);
        boolean automated = acmeIssuer || lifetime.compareTo(Duration.ofDays(AUTOMATED_MAX_DAYS)) <= 0;
        if (!automated) {
            return new RenewalSchedule(notBefore, notAfter, false, notAfter.minus(Duration.ofDays(manualWarnDays)),
                    Duration.ZERO);
        }
        Duration left = lifetime.compareTo(SHORT_LIFETIME) < 0 ? lifetime.dividedBy(2) : lifetime.dividedBy(3);
        Duration grace = min(CLIENT_PERIOD, lifetime.dividedBy(20));
        return new RenewalSchedule(notBefore, notAfter, true, notAfter.minus(left), grace);
    }

    /** @return notBefore to notAfter */
    public Duration lifetime() {
        return Duration.between(notBefore, notAfter);
    }

    /**
     * @param now the time of the check
     * @return whether renewal is late beyond the grace
     */
    public boolean overdue(Instant now) {
        return now.isAfter(due.plus(grace));
    }

    /**
     * @param span a span of time
     * @return its length in days, rounded to the nearest whole day (a 160-hour certificate is a 7-day one)
     */
    public static long days(Duration span) {
        return Math.round(span.toSeconds() / 86_400.0);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
