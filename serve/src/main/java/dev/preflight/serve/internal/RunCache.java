package dev.preflight.serve.internal;

import dev.preflight.Report;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps scrapes from hammering a target: a run younger than the minimum interval is served again
 * instead of checking anew, and at most {@code targetConcurrency} runs of one target go at once; a
 * scrape that waited for another's run takes that run's fresh result. So ten Prometheus replicas
 * scraping a database every 5 s cause one check of it a minute, not 120. Thread-safe.
 */
public final class RunCache {
    private final Duration minInterval;
    private final int targetConcurrency;
    private final Clock clock;
    private final int capacity;
    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();
    /** Access-ordered, bounded: a client naming ever new probe combinations cannot grow it without end. */
    private final Map<String, CachedRun> runs;

    /**
     * @param minInterval how long a run is served again before the target is checked anew; zero never caches
     * @param targetConcurrency how many runs of one target may go at once, at least 1
     * @param clock the exporter's clock
     * @param capacity how many runs to keep at most, the least recently used dropped first
     */
    public RunCache(Duration minInterval, int targetConcurrency, Clock clock, int capacity) {
        if (targetConcurrency < 1) {
            throw new IllegalArgumentException("target concurrency must be at least 1, not " + targetConcurrency);
        }
        this.minInterval = minInterval;
        this.targetConcurrency = targetConcurrency;
        this.clock = clock;
        this.capacity = capacity;
        this.runs = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CachedRun> eldest) {
                return size() > RunCache.this.capacity;
            }
        };
    }

    /**
     * The target's run for those probes: the cached one while it is younger than the minimum
     * interval, else a new one, once a run slot of the target is free.
     *
     * @param target the target's name
     * @param probeIds the probes, sorted
     * @param run makes a new run
     * @param wait how long to wait for a free slot
     * @return the run
     * @throws BusyException if no slot came free in time
     * @throws InterruptedException if interrupted while waiting
     */
    public CachedRun get(String target, Set<String> probeIds, Supplier<Report> run, Duration wait)
            throws BusyException, InterruptedException {
        String key = target + "\u0000" + String.join(",", probeIds);
        CachedRun fresh = fresh(key);
        if (fresh != null) {
            return fresh;
        }
        Semaphore slots = permits.computeIfAbsent(target, t -> new Semaphore(targetConcurrency, true));
        if (!slots.tryAcquire(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS)) {
            throw new BusyException(target + " is being checked by " + targetConcurrency + " other scrape"
                    + (targetConcurrency == 1 ? "" : "s") + " already; none finished within " + wait.toMillis() + " ms");
        }
        try {
            // A scrape that waited for the slot takes the run that held it, if that was of these probes.
            fresh = fresh(key);
            if (fresh != null) {
                return fresh;
            }
            Report report = run.get();
            CachedRun made = new CachedRun(report, clock.instant());
            synchronized (runs) {
                runs.put(key, made);
            }
            return made;
        } finally {
            slots.release();
        }
    }

    /** Forgets every run, as after a reload whose targets may differ. */
    public void clear() {
        synchronized (runs) {
            runs.clear();
        }
    }

    private CachedRun fresh(String key) {
        CachedRun cached;
        synchronized (runs) {
            cached = runs.get(key);
        }
        if (cached == null || minInterval.isZero()) {
            return null;
        }
        Instant now = clock.instant();
        return Duration.between(cached.finishedAt(), now).compareTo(minInterval) < 0 ? cached : null;
    }

    /** No run slot of the target came free in time: the scrape answers 503, Prometheus retries later. */
    public static final class BusyException extends Exception {
        private static final long serialVersionUID = 1L;

        BusyException(String message) {
            super(message);
        }
    }
}
