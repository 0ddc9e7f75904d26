package dev.preflight.http.internal;

import dev.preflight.probe.ProbeContext;
import java.time.Duration;
import java.time.Instant;

/**
 * The time a probe keeps back from its deadline to report what it found: a tenth of the time left,
 * between 50 and 500 ms. Requests end by the earlier deadline, so a path that hangs becomes "the
 * deadline came after n of m", with the first n judged, instead of the runner's bare timeout.
 */
public final class ReportingMargin {
    private static final Duration MIN = Duration.ofMillis(50);
    private static final Duration MAX = Duration.ofMillis(500);

    private ReportingMargin() {
    }

    /**
     * @param remaining the time left
     * @return the margin to keep back
     */
    public static Duration of(Duration remaining) {
        Duration tenth = remaining.dividedBy(10);
        return tenth.compareTo(MIN) < 0 ? MIN : tenth.compareTo(MAX) > 0 ? MAX : tenth;
    }

    /**
     * @param site the site as the probe was given it
     * @return the same site whose requests end a margin before the probe's deadline
     */
    public static Site early(Site site) {
        ProbeContext context = site.context();
        Duration left = context.remaining();
        return Site.of(context.withDeadline(Instant.now().plus(left.minus(of(left))))).orElseThrow();
    }
}
