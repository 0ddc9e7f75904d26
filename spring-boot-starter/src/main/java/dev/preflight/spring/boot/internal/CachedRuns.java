package dev.preflight.spring.boot.internal;

import dev.preflight.Preflight;
import dev.preflight.Report;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One {@link Preflight}'s latest report, reused for a while so that health requests do not run
 * network probes on every call. Thread-safe: callers that arrive while a run is going wait for that
 * run instead of starting their own.
 */
public final class CachedRuns {
    private final Preflight preflight;
    private final Duration ttl;
    private final Clock clock;
    private final List<Consumer<Report>> listeners = new CopyOnWriteArrayList<>();
    private Report latest;
    private Instant ranAt;
    private long runs;

    /**
     * @param preflight what to run
     * @param ttl how long a report is reused; zero or negative runs on every call
     * @param clock the clock that ages reports
     */
    public CachedRuns(Preflight preflight, Duration ttl, Clock clock) {
        this.preflight = preflight;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** @return the latest report if younger than the cache time, else a new one */
    public synchronized Report current() {
        if (latest == null || !clock.instant().isBefore(ranAt.plus(ttl))) {
            return refresh();
        }
        return latest;
    }

    /** @return a new report, which becomes the cached one */
    public synchronized Report refresh() {
        Instant start = clock.instant();
        latest = preflight.run();
        ranAt = start;
        runs++;
        listeners.forEach(l -> l.accept(latest));
        return latest;
    }

    /** @param listener sees each new report, on the thread that ran it, before callers get it */
    public void onRun(Consumer<Report> listener) {
        listeners.add(listener);
    }

    /** @return the latest report without running, if there was a run */
    public synchronized Optional<Report> latest() {
        return Optional.ofNullable(latest);
    }

    /** @return how many runs this cache has made */
    public synchronized long runs() {
        return runs;
    }

    /** @return what is run */
    public Preflight preflight() {
        return preflight;
    }
}
