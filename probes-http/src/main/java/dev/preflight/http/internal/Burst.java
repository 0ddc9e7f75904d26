package dev.preflight.http.internal;

import dev.preflight.http.internal.BurstOutcome.Ending;
import dev.preflight.probe.ProbeContext;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Sends a bounded burst of one request to one address, a few at a time, and stops at the first sign
 * of a limit (or a server error, or a request without answer): it probes for a limit, it does not
 * hammer. Every request is really sent: nothing goes through the target's shared pages.
 *
 * <p>The burst stops a little before the probe's deadline (a tenth of the time left, between 50 and
 * 500 ms), cancels what is still in flight and reports what it met so far, so the probe can say
 * more than "timed out". Its connections are its own and are closed when it ends.
 */
public final class Burst {
    private static final int BODY_CAP = 4 * 1024;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final InetAddress address;
    private final PageRequest request;
    private final ProbeContext context;
    private final OkHttpClient client;
    private final Tally tally;
    private final long start = System.nanoTime();

    private Burst(InetAddress address, PageRequest request, int requests, ProbeContext context, OkHttpClient client) {
        this.address = address;
        this.request = request;
        this.context = context;
        this.client = client;
        this.tally = new Tally(requests);
    }

    /**
     * @param address where to send every request
     * @param request what to send
     * @param requests the most requests to send
     * @param concurrency how many to have in flight at once
     * @param context the probe's context: deadline and cancellation
     * @return what the burst met
     * @throws InterruptedException if the probe was cancelled; the burst is stopped first
     * @throws java.io.IOException if the JVM has no TLS
     */
    public static BurstOutcome send(InetAddress address, PageRequest request, int requests, int concurrency,
            ProbeContext context) throws InterruptedException, java.io.IOException {
        Dispatcher dispatcher = new Dispatcher();
        ConnectionPool connections = new ConnectionPool();
        OkHttpClient client = PageFetcher.clientFor(address).newBuilder()
                .dispatcher(dispatcher).connectionPool(connections).build();
        Burst burst = new Burst(address, request, requests, context, client);
        Duration margin = ReportingMargin.of(context.remaining());
        ExecutorService workers = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "preflight-burst-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < concurrency; i++) {
                workers.execute(burst::work);
            }
            workers.shutdown();
            long wait = context.remaining().minus(margin).toNanos();
            if (!workers.awaitTermination(Math.max(0, wait), TimeUnit.NANOSECONDS)) {
                burst.tally.end(Ending.DEADLINE, burst.elapsed());
                dispatcher.cancelAll();
                workers.shutdownNow();
                workers.awaitTermination(margin.toNanos() / 2, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            burst.tally.end(Ending.DEADLINE, burst.elapsed());
            dispatcher.cancelAll();
            workers.shutdownNow();
            throw e;
        } finally {
            connections.evictAll();
        }
        return burst.tally.outcome(burst.elapsed());
    }

    private void work() {
        while (tally.claim()) {
            try {
                tally.answered(PageFetcher.fetch(client, address, request, BODY_CAP, context), elapsed());
            } catch (IOException | RuntimeException e) {
                tally.failed(e, elapsed());
                return;
            }
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** The counts, updated by the workers under its lock. */
    private static final class Tally {
        private final int requested;
        private final SortedMap<Integer, Integer> statuses = new TreeMap<>();
        private int sent;
        private int answered;
        private int served;
        private Ending ending;
        private Duration endedAt;
        private int limitStatus;
        private String retryAfter;
        private int serverErrorStatus;
        private int serverErrorAt;
        private Exception failure;

        Tally(int requested) {
            this.requested = requested;
        }

        /** @return whether another request may go: none has stopped the burst and some are left */
        synchronized boolean claim() {
            if (ending != null || sent >= requested) {
                return false;
            }
            sent++;
            return true;
        }

        synchronized void answered(Page page, Duration at) {
            answered++;
            statuses.merge(page.status(), 1, Integer::sum);
            boolean limited = page.status() == 429 || page.header("Retry-After").isPresent();
            if (limited) {
                if (end(Ending.LIMITED, at)) {
                    limitStatus = page.status();
                    retryAfter = page.header("Retry-After").orElse(null);
                }
            } else if (page.status() >= 500) {
                if (end(Ending.SERVER_ERROR, at)) {
                    serverErrorStatus = page.status();
                    serverErrorAt = answered;
                }
            } else {
                served++;
            }
        }

        synchronized void failed(Exception e, Duration at) {
            // After the burst ended, a failure is only the cancellation of what was still in flight.
            if (end(Ending.FAILED, at)) {
                failure = e;
            }
        }

        /** @return whether this ended the burst, rather than something before it */
        synchronized boolean end(Ending why, Duration at) {
            if (ending != null) {
                return false;
            }
            ending = why;
            endedAt = at;
            return true;
        }

        synchronized BurstOutcome outcome(Duration total) {
            Ending why = ending == null ? Ending.COMPLETED : ending;
            return new BurstOutcome(why, requested, sent, answered, served, statuses, limitStatus, retryAfter,
                    serverErrorStatus, serverErrorAt, failure, endedAt == null ? total : endedAt);
        }
    }
}
