package dev.preflight.internal;

import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.Waiver;
import dev.preflight.probe.InvalidSettingException;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.Durations;
import dev.preflight.support.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs planned checks concurrently, each under its own deadline and all under the run's.
 *
 * <p>At most {@code parallelism} probes run at once. A probe still running at its deadline is recorded
 * as ERROR, its thread is interrupted and its registered resources closed; its permit is released at
 * once, so a probe stuck in uninterruptible I/O does not shrink the pool for the others. No exception
 * and no {@link Error} short of {@link VirtualMachineError} (other than {@link StackOverflowError},
 * which is local to the probe's thread) escapes.
 */
public final class ProbeRunner {
    private final int parallelism;
    private final Duration overallTimeout;
    private final Clock clock;
    private final Redactor redactor;
    private final NetworkSettings network;
    private final List<Waiver> waivers;
    private final Consumer<ProbeOutcome> listener;

    /**
     * @param parallelism the most probes running at once
     * @param overallTimeout the deadline for the whole run
     * @param clock the clock for report timestamps, probes' date judgements and waiver expiry
     * @param redactor applied to every result
     * @param network handed to every probe
     * @param waivers accepted exceptions
     * @param listener sees each outcome as it completes, on the completing thread; exceptions it throws are ignored
     */
    public ProbeRunner(int parallelism, Duration overallTimeout, Clock clock, Redactor redactor,
            NetworkSettings network, List<Waiver> waivers, Consumer<ProbeOutcome> listener) {
        this.parallelism = parallelism;
        this.overallTimeout = overallTimeout;
        this.clock = clock;
        this.redactor = redactor;
        this.network = network;
        this.waivers = List.copyOf(waivers);
        this.listener = listener;
    }

    /**
     * @param plan what to run, the outcomes decided without running anything (load failures, each
     *     with its target index) and the writing probes left out
     * @return the report
     */
    public Report run(RunPlan plan) {
        List<PlannedCheck> checks = plan.checks();
        List<IndexedOutcome> preset = plan.preset();
        Instant startedAt = clock.instant();
        long t0 = System.nanoTime();
        long overallDeadline = t0 + overallTimeout.toNanos();
        AtomicReference<VirtualMachineError> fatal = new AtomicReference<>();
        List<CheckSlot> slots = new ArrayList<>();
        List<CompletableFuture<ProbeOutcome>> finished = new ArrayList<>();
        List<IndexedOutcome> outcomes = new ArrayList<>(preset);
        preset.forEach(o -> notify(o.outcome()));

        ExecutorService workers = Executors.newCachedThreadPool(daemonThreads("preflight-probe-"));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("preflight-deadline-"));
        Semaphore permits = new Semaphore(parallelism);
        SharedValues shared = new SharedValues();
        Map<Target, AtomicInteger> unfinished = new IdentityHashMap<>();
        checks.forEach(c -> unfinished.computeIfAbsent(c.target(), t -> new AtomicInteger()).incrementAndGet());
        try {
            for (PlannedCheck check : checks) {
                CheckSlot slot = new CheckSlot(check);
                slots.add(slot);
                AtomicInteger left = unfinished.get(check.target());
                slot.completion.thenRun(() -> {
                    if (left.decrementAndGet() == 0) {
                        release(shared, check.target(), workers);
                    }
                });
                CompletableFuture<ProbeOutcome> outcome = slot.completion.thenApply(c -> toOutcome(check, c));
                outcome.thenAccept(this::notify);
                finished.add(outcome);
                long wait = overallDeadline - System.nanoTime();
                boolean acquired = wait > 0 && permits.tryAcquire(wait, TimeUnit.NANOSECONDS);
                // A permit freed by the overall deadline's own cancellation arrives when the run is over.
                if (acquired && System.nanoTime() - overallDeadline >= 0) {
                    permits.release();
                    acquired = false;
                }
                if (!acquired) {
                    slot.complete(Result.error("not started: the run's overall deadline of "
                            + Durations.format(overallTimeout) + " passed first", null), System.nanoTime());
                    continue;
                }
                start(slot, overallDeadline, workers, timer, permits, fatal, shared);
            }
            for (CheckSlot slot : slots) {
                long wait = Math.max(0, overallDeadline - System.nanoTime());
                try {
                    slot.completion.get(wait, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    slot.cancel(Result.error("no answer before the run's overall deadline of "
                            + Durations.format(overallTimeout), null), System.nanoTime());
                } catch (ExecutionException e) {
                    // Unreachable: slots are only ever completed normally.
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            slots.forEach(s -> s.cancel(Result.error("the run was interrupted", e), System.nanoTime()));
        } finally {
            workers.shutdownNow();
            timer.shutdownNow();
            shared.close();
        }
        if (fatal.get() != null) {
            throw fatal.get();
        }
        for (int i = 0; i < slots.size(); i++) {
            outcomes.add(new IndexedOutcome(slots.get(i).check.targetIndex(), finished.get(i).join()));
        }
        outcomes.sort(Comparator.comparingInt(IndexedOutcome::targetIndex)
                .thenComparing(o -> o.outcome().probeId())
                .thenComparing(o -> o.outcome().subject() == null ? "" : o.outcome().subject()));
        return new Report(startedAt, Duration.ofNanos(System.nanoTime() - t0),
                outcomes.stream().map(IndexedOutcome::outcome).toList(), plan.unnamedWriters());
    }

    /**
     * Drops a finished target's shared values on a worker: closing one (a database session saying
     * goodbye) may block, and the completing thread may be the deadline timer's, which must not wait.
     * Values a run's end overtakes are closed by {@link SharedValues#close()}.
     */
    private static void release(SharedValues shared, Target target, ExecutorService workers) {
        try {
            workers.execute(() -> shared.release(target));
        } catch (RejectedExecutionException e) {
            // The run is over: its end closes every value.
        }
    }

    private void start(CheckSlot slot, long overallDeadline, ExecutorService workers, ScheduledExecutorService timer,
            Semaphore permits, AtomicReference<VirtualMachineError> fatal, SharedValues shared) {
        PlannedCheck check = slot.check;
        long start = System.nanoTime();
        long deadline = Math.min(start + check.timeout().toNanos(), overallDeadline);
        boolean cutByRun = deadline == overallDeadline;
        Instant deadlineInstant = Instant.now().plusNanos(deadline - start);
        Permit permit = new Permit(permits, deadlineInstant);
        slot.started(start, permit::release);
        ProbeContext context = new DefaultProbeContext(check.probe().id(), check.target(), deadlineInstant, clock,
                redactor, network, check.probe().writes(), slot::addCancelHook, shared, permit);
        slot.work(workers.submit(() -> {
            Result result;
            try {
                result = invoke(check.probe(), context);
            } catch (VirtualMachineError e) {
                fatal.compareAndSet(null, e);
                result = Result.error("the JVM failed while running this probe: " + e.getClass().getSimpleName(), e);
            }
            slot.complete(result, System.nanoTime());
        }));
        String budget = Durations.format(Duration.ofNanos(deadline - start));
        timer.schedule(() -> slot.cancel(Result.error("no answer within " + budget
                + (cutByRun ? " (the run's overall deadline)" : ""), null), System.nanoTime()),
                deadline - start, TimeUnit.NANOSECONDS);
    }

    private static Result invoke(Probe probe, ProbeContext context) {
        try {
            Result result = probe.check(context);
            return result != null ? result : Result.error("the probe returned no result (null)", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.error("the probe was interrupted", e);
        } catch (InvalidSettingException e) {
            return Result.error(e.getMessage(), e);
        } catch (RuntimeException e) {
            return crashed(e);
        } catch (Exception e) {
            // The SPI's way to say "could not tell" (a refused connection, a timeout): not a crash.
            return couldNotTell(e);
        } catch (StackOverflowError e) {
            return crashed(e);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            return crashed(e);
        }
    }

    private static Result couldNotTell(Exception e) {
        String message = e.getMessage();
        return Result.error(message == null || message.isBlank() ? "could not tell: " + e.getClass().getSimpleName()
                : "could not tell: " + message, e);
    }

    private static Result crashed(Throwable e) {
        String message = e.getMessage();
        return Result.error("the probe crashed: " + e.getClass().getSimpleName()
                + (message == null || message.isBlank() ? "" : ": " + message), e);
    }

    private ProbeOutcome toOutcome(PlannedCheck check, CheckSlot.Completion c) {
        Result result = c.result().mapText(redactor::redact);
        String subject = result.subject().orElse(check.target().location());
        return outcome(check.probe().id(), check.probe().title(), check.target().name(), check.target().kind(),
                subject, result, c.duration());
    }

    /**
     * Builds an outcome, applying the first waiver that names it.
     *
     * @return the outcome
     */
    public ProbeOutcome outcome(String probeId, String title, String target, TargetKind kind,
            String subject, Result result, Duration duration) {
        Waiver waiver = waivers.stream().filter(w -> w.covers(probeId, target)).findFirst().orElse(null);
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        boolean waived = waiver != null && waiver.isActive(today)
                && (result.status() == Status.WARN || result.status() == Status.FAIL || result.status() == Status.ERROR);
        // Waivers name the target as configured; the report shows it redacted, like every text.
        return new ProbeOutcome(probeId, title, redactor.redact(target), kind, redactor.redact(subject), result, duration,
                waiver, waived);
    }

    private void notify(ProbeOutcome outcome) {
        if (listener == null) {
            return;
        }
        try {
            listener.accept(outcome);
        } catch (RuntimeException e) {
            // A listener's bug must not break the run.
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** An outcome with its target's position, for ordering. */
    public record IndexedOutcome(int targetIndex, ProbeOutcome outcome) {
    }
}
