package dev.preflight.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes what a directly called probe registers with {@code onCancel} once its deadline passes, as
 * the runner does, so that a probe relying on it does not hang a test forever.
 */
public final class CancelAtDeadline {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "preflight-testkit-deadline");
        t.setDaemon(true);
        return t;
    });

    private final List<AutoCloseable> resources = new ArrayList<>();
    private boolean passed;

    private CancelAtDeadline() {
    }

    /**
     * @param deadline when to close the registered resources
     * @return a new, scheduled instance
     */
    public static CancelAtDeadline at(Instant deadline) {
        CancelAtDeadline hooks = new CancelAtDeadline();
        long delay = Math.max(0, Duration.between(Instant.now(), deadline).toNanos());
        TIMER.schedule(hooks::closeAll, delay, TimeUnit.NANOSECONDS);
        return hooks;
    }

    /** @param resource closed at the deadline, or now if it has passed */
    public void add(AutoCloseable resource) {
        synchronized (this) {
            if (!passed) {
                resources.add(resource);
                return;
            }
        }
        closeQuietly(resource);
    }

    private void closeAll() {
        List<AutoCloseable> toClose;
        synchronized (this) {
            passed = true;
            toClose = List.copyOf(resources);
            resources.clear();
        }
        toClose.forEach(CancelAtDeadline::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            // Best effort, as in the runner: the probe sees its I/O fail and returns.
        }
    }
}
