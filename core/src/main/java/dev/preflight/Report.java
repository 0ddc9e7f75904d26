package dev.preflight;

import dev.preflight.probe.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The immutable result of a run: every outcome in a deterministic order (targets in the order they
 * were configured, then probe ids alphabetically), with counts and timing, and the writing probes
 * the run left out because nobody named them.
 *
 * <pre>{@code
 * report.outcomes().stream()
 *         .filter(o -> o.isProblem(false))
 *         .forEach(o -> System.out.println(o.probeId() + " on " + o.target() + ": " + o.result().summary()));
 * System.exit(report.isSuccessful(false) ? 0 : 1);
 * }</pre>
 *
 * @since 0.1
 */
public final class Report {
    private final Instant startedAt;
    private final Instant finishedAt;
    private final Duration duration;
    private final List<ProbeOutcome> outcomes;
    private final Map<Status, Integer> counts;
    private final List<String> unnamedWriters;

    /**
     * A report in which no writing probe was left out.
     *
     * @param startedAt when the run started, on the run's clock
     * @param duration how long the run took, measured on the system's monotonic clock
     * @param outcomes the outcomes, in report order
     */
    public Report(Instant startedAt, Duration duration, List<ProbeOutcome> outcomes) {
        this(startedAt, duration, outcomes, List.of());
    }

    /**
     * @param startedAt when the run started, on the run's clock
     * @param duration how long the run took, measured on the system's monotonic clock
     * @param outcomes the outcomes, in report order
     * @param unnamedWriters ids of writing probes that applied to a target but ran on none because
     *     nobody named them; sorted and without repeats in the copy kept
     * @since 0.2
     */
    public Report(Instant startedAt, Duration duration, List<ProbeOutcome> outcomes, List<String> unnamedWriters) {
        this.startedAt = Objects.requireNonNull(startedAt, "'startedAt' must not be null");
        this.duration = Objects.requireNonNull(duration, "'duration' must not be null");
        this.finishedAt = startedAt.plus(duration);
        this.outcomes = List.copyOf(outcomes);
        Map<Status, Integer> c = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            c.put(s, 0);
        }
        this.outcomes.forEach(o -> c.merge(o.status(), 1, Integer::sum));
        this.counts = Map.copyOf(c);
        this.unnamedWriters = unnamedWriters.stream().distinct().sorted().toList();
    }

    /** @return when the run started */
    public Instant startedAt() {
        return startedAt;
    }

    /** @return when the run finished */
    public Instant finishedAt() {
        return finishedAt;
    }

    /** @return how long the run took */
    public Duration duration() {
        return duration;
    }

    /** @return every outcome, in report order; unmodifiable */
    public List<ProbeOutcome> outcomes() {
        return outcomes;
    }

    /**
     * @param status a status
     * @return how many outcomes have it, waived ones included
     */
    public int count(Status status) {
        return counts.get(status);
    }

    /**
     * The writing probes ({@link dev.preflight.probe.Probe#writes()}) that applied to some target but
     * ran on none, because the run did not name their ids. They have no outcome, and so no place in
     * the counts: reports name them once, in a line of their own.
     *
     * @return their ids, sorted; empty when every writer that applied was named, or none applied
     * @since 0.2
     */
    public List<String> unnamedWriters() {
        return unnamedWriters;
    }

    /** @return how many outcomes a waiver covers */
    public int waivedCount() {
        return (int) outcomes.stream().filter(ProbeOutcome::waived).count();
    }

    /**
     * The worst status among outcomes that are not waived; PASS for an empty report.
     *
     * @return the overall status
     */
    public Status overall() {
        // SKIP ranks below PASS, so a report of skips alone is PASS.
        return outcomes.stream().filter(o -> !o.waived()).map(ProbeOutcome::status).reduce(Status.PASS, Status::worst);
    }

    /**
     * @param strict whether warnings count as problems
     * @return true if no outcome is a problem (see {@link ProbeOutcome#isProblem(boolean)})
     */
    public boolean isSuccessful(boolean strict) {
        return outcomes.stream().noneMatch(o -> o.isProblem(strict));
    }
}
