package dev.preflight.internal;

import dev.preflight.probe.Result;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The state of one running check. Whoever completes it first (the probe, its deadline, the run's
 * deadline) wins; the others are ignored.
 */
final class CheckSlot {
    record Completion(Result result, Duration duration) {
    }

    final PlannedCheck check;
    final CompletableFuture<Completion> completion = new CompletableFuture<>();
    private final AtomicBoolean done = new AtomicBoolean();
    private final List<AutoCloseable> cancelHooks = new ArrayList<>();
    private volatile Future<?> work;
    private volatile Runnable onDone = () -> { };
    private volatile long startNanos;

    CheckSlot(PlannedCheck check) {
        this.check = check;
    }

    void started(long startNanos, Runnable onDone) {
        this.startNanos = startNanos;
        this.onDone = onDone;
    }

    void work(Future<?> work) {
        this.work = work;
    }

    boolean isStarted() {
        return startNanos != 0;
    }

    /**
     * Completes with the probe's own result. What it registered is its to close; the slot lets go of
     * it, since the report keeps every slot until the run ends (a socket with its TLS buffers each).
     *
     * @return true if this call completed the slot
     */
    boolean complete(Result result, long nowNanos) {
        if (!finish(result, nowNanos)) {
            return false;
        }
        synchronized (this) {
            cancelHooks.clear();
        }
        return true;
    }

    /** Completes with an ERROR and stops the probe: interrupts its thread and closes what it registered. */
    void cancel(Result error, long nowNanos) {
        if (finish(error, nowNanos)) {
            Future<?> w = work;
            if (w != null) {
                w.cancel(true);
            }
            closeHooks();
        }
    }

    private boolean finish(Result result, long nowNanos) {
        if (!done.compareAndSet(false, true)) {
            return false;
        }
        Duration took = startNanos == 0 ? Duration.ZERO : Duration.ofNanos(nowNanos - startNanos);
        completion.complete(new Completion(result, took));
        onDone.run();
        return true;
    }

    synchronized void addCancelHook(AutoCloseable resource) {
        cancelHooks.add(resource);
        if (done.get()) {
            closeQuietly(resource);
        }
    }

    private synchronized void closeHooks() {
        cancelHooks.forEach(CheckSlot::closeQuietly);
        cancelHooks.clear();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception | LinkageError e) {
            // Cancellation is best effort: the result is already recorded as ERROR.
        }
    }
}
