package dev.preflight.serve.internal;

import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Keeps scrapes from hammering a target: each probe's last outcome on a target is served again while
 * it is younger than that probe's minimum interval, and only the probes whose outcome is older run,
 * at most {@code targetConcurrency} runs of one target at once. A scrape that waited for another's
 * run takes the outcomes that run measured after the scrape came, even with no minimum interval. So ten Prometheus replicas scraping a database every 5 s cause
 * one backup check of it per interval, not 120 a minute, while its cheap probes stay fresh. Holds at
 * most one outcome per configured target and probe. Thread-safe.
 */
public final class OutcomeCache {
    private final int targetConcurrency;
    private final Clock clock;
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();
    private final Map<String, Measured> outcomes = new ConcurrentHashMap<>();

    /**
     * @param targetConcurrency how many runs of one target may go at once, at least 1
     * @param clock the exporter's clock
     */
    public OutcomeCache(int targetConcurrency, Clock clock) {
        if (targetConcurrency < 1) {
            throw new IllegalArgumentException("target concurrency must be at least 1, not " + targetConcurrency);
        }
        this.targetConcurrency = targetConcurrency;
        this.clock = clock;
    }

    /**
     * The target's outcomes for those probes: those measured within their minimum interval as they
     * are, the others measured anew in one run, once a run slot of the target is free.
     *
     * @param target the target's name
     * @param probeIds the probes
     * @param minInterval each probe's minimum interval; zero measures at every scrape
     * @param run runs the given probes on the target
     * @param wait how long to wait for a free slot
     * @return the outcomes, by probe id, then any the run added (a provider that failed to load)
     * @throws BusyException if no slot came free in time
     * @throws InterruptedException if interrupted while waiting
     */
    public Served get(String target, Set<String> probeIds, Function<String, Duration> minInterval,
            Function<Set<String>, Report> run, Duration wait) throws BusyException, InterruptedException {
        Instant asked = clock.instant();
        Set<String> stale = stale(target, probeIds, minInterval, asked);
        if (stale.isEmpty()) {
            return new Served(collect(target, probeIds, List.of()), false);
        }
        Semaphore slots = permits.computeIfAbsent(target, t -> new Semaphore(targetConcurrency, true));
        if (!slots.tryAcquire(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS)) {
            throw new BusyException(target + " is being checked by " + targetConcurrency + " other scrape"
                    + (targetConcurrency == 1 ? "" : "s") + " already; none finished within " + wait.toMillis() + " ms");
        }
        try {
            // A scrape that waited for the slot takes what the run that held it measured since it asked,
            // even with no minimum interval: concurrent scrapes of a target share one check.
            stale = stale(target, probeIds, minInterval, asked);
            if (stale.isEmpty()) {
                return new Served(collect(target, probeIds, List.of()), false);
            }
            Report report = run.apply(stale);
            Instant now = clock.instant();
            List<Measured> extra = new ArrayList<>();
            for (ProbeOutcome outcome : report.outcomes()) {
                if (stale.contains(outcome.probeId())) {
                    outcomes.put(key(target, outcome.probeId()), new Measured(outcome, now));
                } else {
                    extra.add(new Measured(outcome, now));
                }
            }
            return new Served(collect(target, probeIds, extra), true);
        } finally {
            slots.release();
        }
    }

    /** Forgets every outcome, as after a reload whose targets and settings may differ. */
    public void clear() {
        outcomes.clear();
    }

    /** @return the probes with no outcome measured since {@code asked} nor within their minimum interval */
    private Set<String> stale(String target, Set<String> probeIds, Function<String, Duration> minInterval,
            Instant asked) {
        Instant now = clock.instant();
        Set<String> stale = new TreeSet<>();
        for (String id : probeIds) {
            Measured m = outcomes.get(key(target, id));
            boolean fresh = m != null && (!m.at().isBefore(asked)
                    || Duration.between(m.at(), now).compareTo(minInterval.apply(id)) < 0);
            if (!fresh) {
                stale.add(id);
            }
        }
        return stale;
    }

    private List<Measured> collect(String target, Set<String> probeIds, List<Measured> extra) {
        List<Measured> served = new ArrayList<>();
        for (String id : new TreeSet<>(probeIds)) {
            Measured m = outcomes.get(key(target, id));
            if (m != null) {
                served.add(m);
            }
        }
        served.addAll(extra);
        return served;
    }

    private static String key(String target, String probeId) {
        return target + "\u0000" + probeId;
    }

    /**
     * What a scrape is answered with.
     *
     * @param outcomes the outcomes, each with when it was measured
     * @param ran whether a run was made for this scrape
     */
    public record Served(List<Measured> outcomes, boolean ran) {

        /** Copies the list. */
        public Served {
            outcomes = List.copyOf(outcomes);
        }

        /** @return the outcomes as one report, from the oldest measurement's start to the newest's end */
        public Report report() {
            if (outcomes.isEmpty()) {
                return new Report(Instant.EPOCH, Duration.ZERO, List.of());
            }
            Instant start = outcomes.stream().map(m -> m.at().minus(m.outcome().duration())).min(Instant::compareTo)
                    .orElseThrow();
            Instant end = outcomes.stream().map(Measured::at).max(Instant::compareTo).orElseThrow();
            return new Report(start, Duration.between(start, end), outcomes.stream().map(Measured::outcome).toList());
        }
    }

    /** No run slot of the target came free in time: the scrape answers 503, Prometheus retries later. */
    public static final class BusyException extends Exception {
        private static final long serialVersionUID = 1L;

        BusyException(String message) {
            super(message);
        }
    }
}
