package dev.preflight.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One running check's share of the run's parallelism. A check that waits for a value another check
 * is computing lends its permit meanwhile, so that {@code parallelism} bounds the checks doing work,
 * not the ones queued behind a shared handshake: three probes of one site then cost one permit while
 * the landing page loads, not three. Thread-safe.
 */
final class Permit implements SharedValues.Waiter {
    private final Semaphore semaphore;
    private final Instant deadline;
    private boolean held = true;
    private boolean closed;

    /**
     * @param semaphore the run's permits, one of which the caller has just acquired for this check
     * @param deadline the check's deadline: taking the permit back never waits longer
     */
    Permit(Semaphore semaphore, Instant deadline) {
        this.semaphore = semaphore;
        this.deadline = deadline;
    }

    /** Gives the permit back for good: the check is over. */
    synchronized void release() {
        closed = true;
        if (held) {
            held = false;
            semaphore.release();
        }
    }

    @Override
    public synchronized void waiting() {
        if (held && !closed) {
            held = false;
            semaphore.release();
        }
    }

    @Override
    public void resumed() throws InterruptedException {
        synchronized (this) {
            if (held || closed) {
                return;
            }
        }
        long wait = Math.max(0, Duration.between(Instant.now(), deadline).toNanos());
        // At the deadline the check is cancelled anyway; it finishes without a permit rather than wait.
        if (!semaphore.tryAcquire(wait, TimeUnit.NANOSECONDS)) {
            return;
        }
        synchronized (this) {
            if (closed || held) {
                semaphore.release();
            } else {
                held = true;
            }
        }
    }
}
