package dev.preflight.serve.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The cache that keeps scrapes from hammering a target: per-probe freshness, one run per target at a
 * time, a waiting scrape served by the run it waited for, and 503 when no slot comes free in time.
 */
class OutcomeCacheTest {
    private static final Set<String> BOTH = Set.of("postgres.backups", "postgres.tls");
    private final MutableClock clock = new MutableClock();

    @Test
    void onlyTheProbesWhoseOutcomeIsOlderThanTheirIntervalRunAgain() throws Exception {
        OutcomeCache cache = new OutcomeCache(1, clock);
        Runs runs = new Runs();
        Function<String, Duration> intervals = id -> id.equals("postgres.backups") ? Duration.ofMinutes(10)
                : Duration.ofSeconds(30);

        cache.get("db", BOTH, intervals, runs, Duration.ofSeconds(1));
        clock.advance(Duration.ofMinutes(1));
        OutcomeCache.Served second = cache.get("db", BOTH, intervals, runs, Duration.ofSeconds(1));

        assertThat(runs.asked).containsExactly(BOTH, Set.of("postgres.tls"));
        assertThat(second.ran()).isTrue();
        assertThat(second.outcomes()).extracting(m -> m.outcome().probeId())
                .containsExactly("postgres.backups", "postgres.tls");
        assertThat(second.outcomes().get(0).at()).isBefore(second.outcomes().get(1).at());
    }

    @Test
    void aScrapeThatWaitedForAnotherRunOfTheTargetIsServedByIt() throws Exception {
        OutcomeCache cache = new OutcomeCache(1, clock);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger made = new AtomicInteger();
        Function<Set<String>, Report> slow = ids -> {
            made.incrementAndGet();
            inside.countDown();
            await(release);
            return report(ids);
        };

        CompletableFuture<OutcomeCache.Served> first = CompletableFuture.supplyAsync(() -> get(cache, slow));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<OutcomeCache.Served> second = CompletableFuture.supplyAsync(() -> get(cache, slow));
        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS).ran()).isTrue();
        assertThat(second.get(5, TimeUnit.SECONDS).ran()).isFalse();
        assertThat(made).hasValue(1);
    }

    @Test
    void aScrapeThatGetsNoSlotInTimeIsBusy() throws Exception {
        OutcomeCache cache = new OutcomeCache(1, clock);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Function<Set<String>, Report> held = ids -> {
            inside.countDown();
            await(release);
            return report(ids);
        };
        CompletableFuture<OutcomeCache.Served> first = CompletableFuture.supplyAsync(() -> get(cache, held));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        try {
            assertThatThrownBy(() -> cache.get("db", BOTH, id -> Duration.ZERO, new Runs(), Duration.ofMillis(50)))
                    .isInstanceOf(OutcomeCache.BusyException.class).hasMessageContaining("db is being checked");
        } finally {
            release.countDown();
            first.get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void anotherTargetIsNotHeldUpByABusyOne() throws Exception {
        OutcomeCache cache = new OutcomeCache(1, clock);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<OutcomeCache.Served> held = CompletableFuture.supplyAsync(() -> get(cache, ids -> {
            inside.countDown();
            await(release);
            return report(ids);
        }));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        try {
            assertThat(cache.get("cache", Set.of("redis.auth"), id -> Duration.ZERO, new Runs(), Duration.ofMillis(50))
                    .ran()).isTrue();
        } finally {
            release.countDown();
            held.get(5, TimeUnit.SECONDS);
        }
    }

    private OutcomeCache.Served get(OutcomeCache cache, Function<Set<String>, Report> run) {
        try {
            return cache.get("db", BOTH, id -> Duration.ZERO, run, Duration.ofSeconds(5));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Report report(Set<String> ids) {
        List<ProbeOutcome> outcomes = ids.stream().sorted().map(id -> new ProbeOutcome(id, id, "db", TargetKind.POSTGRES,
                "db:5432", Result.pass("ok"), Duration.ofMillis(5), null, false)).toList();
        return new Report(Instant.EPOCH, Duration.ofMillis(5), outcomes);
    }

    /** Records which probes each run was asked for. */
    private static final class Runs implements Function<Set<String>, Report> {
        final List<Set<String>> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public Report apply(Set<String> ids) {
            asked.add(Set.copyOf(ids));
            return report(ids);
        }
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-06T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
