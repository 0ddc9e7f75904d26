package dev.preflight.net.internal;

import dev.preflight.net.DeadlineExceededException;
import dev.preflight.probe.ProbeContext;
import java.time.Duration;

/** Turns a probe's time left into the millisecond timeouts sockets and clients take. */
public final class Deadlines {

    private Deadlines() {
    }

    /**
     * A socket or client timeout of 0 means "wait forever", so an exhausted budget must fail instead.
     *
     * @param context the probe's context
     * @param what what was about to be waited for, for the message
     * @return the milliseconds left, at least 1
     * @throws DeadlineExceededException if no time is left
     */
    public static int millisLeft(ProbeContext context, String what) throws DeadlineExceededException {
        Duration left = context.remaining();
        if (left.isZero() || left.isNegative()) {
            throw new DeadlineExceededException("no time left before the deadline for " + what);
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left.toMillis()));
    }
}
