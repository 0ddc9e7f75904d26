package dev.preflight.dns.internal;

import dev.preflight.probe.ProbeContext;
import java.time.Duration;
import java.time.Instant;

/**
 * Splits what is left of a check's time among servers asked one after another, so that one silent
 * server uses only its share and the servers after it are still asked: each share is the time left
 * divided by the servers not yet asked, so time a fast server leaves over goes to those after it,
 * and the last one may wait until the check's deadline. Belongs to one check; not thread-safe.
 */
public final class TimeShares {
    private final ProbeContext context;
    private int parts;

    /**
     * @param context the check's context
     * @param parts how many servers will be asked, as known now
     */
    public TimeShares(ProbeContext context, int parts) {
        this.context = context;
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
        Duration left = context.remaining();
        ProbeContext share = context.withDeadline(Instant.now().plus(left.dividedBy(parts)));
        parts = Math.max(1, parts - 1);
        return share;
    }
}
