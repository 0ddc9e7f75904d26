package dev.preflight.testkit.internal;

import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a probe for one run and records how its {@code check} ended, which the runner's outcome cannot
 * tell: an exception thrown just after the deadline is indistinguishable there from one thrown
 * before it, and a probe still blocked after the run has returned leaves no trace.
 */
public final class RecordingProbe implements Probe {
    /** How the first call to {@code check} ended. */
    public enum Ending {
        /** Not called, or still running. */
        NONE,
        /** Returned a result. */
        RESULT,
        /** Returned null. */
        NULL,
        /** Threw before the context's deadline. */
        THREW_BEFORE_DEADLINE,
        /** Threw at or after the deadline, typically because it was cancelled. */
        THREW_AFTER_DEADLINE
    }

    private final Probe delegate;
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Ending ending = Ending.NONE;
    private volatile Throwable thrown;

    /** @param delegate the probe under test */
    public RecordingProbe(Probe delegate) {
        this.delegate = delegate;
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public String title() {
        return delegate.title();
    }

    @Override
    public TargetKind targetKind() {
        return delegate.targetKind();
    }

    @Override
    public boolean writes() {
        return delegate.writes();
    }

    @Override
    public Result check(ProbeContext context) throws Exception {
        calls.incrementAndGet();
        try {
            Result result = delegate.check(context);
            ending = result == null ? Ending.NULL : Ending.RESULT;
            return result;
        } catch (Throwable e) {
            thrown = e;
            ending = Instant.now().isBefore(context.deadline()) ? Ending.THREW_BEFORE_DEADLINE : Ending.THREW_AFTER_DEADLINE;
            throw e;
        } finally {
            ended.countDown();
        }
    }

    /** @return how many times {@code check} was called */
    public int calls() {
        return calls.get();
    }

    /** @return how the first call ended so far */
    public Ending ending() {
        return ending;
    }

    /** @return what the first call threw, or null */
    public Throwable thrown() {
        return thrown;
    }

    /**
     * @param patience how long to wait
     * @return true if {@code check} was never called or has returned (or thrown) within {@code patience}
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean awaitEnd(Duration patience) throws InterruptedException {
        return calls.get() == 0 || ended.await(patience.toNanos(), TimeUnit.NANOSECONDS);
    }
}
