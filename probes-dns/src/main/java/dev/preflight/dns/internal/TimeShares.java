package dev.preflight.dns.internal;

import dev.preflight.probe.ProbeContext;
import java.time.Duration;
import java.time.Instant;

/**
 * Splits what is left of a check's time among servers asked one after another, so that one silent
 * server uses only its share and the servers after it are still asked: each share is the time left
 * divided by the servers not yet asked, so time a fast server leaves over goes to those after it.
 * The shares end a little before the check's deadline (a fifth of the time left, at most 500 ms),
 * so that a probe whose last server was silent still returns its own verdict naming that server
 * rather than the runner's bare timeout. Belongs to one check; not thread-safe.
 */
public final class TimeShares {
    private static final Duration MAX_RESERVE = Duration.ofMillis(500);

    private final ProbeContext context;
    private final Instant end;
    private int parts;

    /**
     * @param context the check's context
     * @param parts how many servers will be asked, as known now
     */
    public TimeShares(ProbeContext context, int parts) {
        this.context = context;
        Duration reserve = context.remaining().dividedBy(5);
        this.end = context.deadline().minus(reserve.compareTo(MAX_RESERVE) > 0 ? MAX_RESERVE : reserve);
        this.parts = Math.max(1, parts);
    }

    /**
     * Replaces one part planned for a step with the parts it turned out to need, e.g. a zone's name
     * servers once their addresses are known.
     *
     * @param count how many servers the step will ask
     */
    public void split(int count) {
        parts = Math.max(1, parts - 1 + count);
    }

    /** @return the context for the next server: its deadline is the end of that server's share */
    public ProbeContext next() {
        Instant now = Instant.now();
        Duration left = now.isBefore(end) ? Duration.between(now, end) : Duration.ZERO;
        ProbeContext share = context.withDeadline(now.plus(left.dividedBy(parts)));
        parts = Math.max(1, parts - 1);
        return share;
    }
}
