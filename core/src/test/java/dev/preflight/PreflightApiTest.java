package dev.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightApiTest {
    private static final Target SHOP = Target.web("https://shop.example.com");

    @TempDir
    Path dir;

    @Test
    void oneInstanceRunsManyTimesConcurrentlyWithIndependentReports() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Preflight preflight = Preflight.builder().discoverProbes(false)
                .addProbe(ScriptedProbe.web("test.counted", c -> {
                    Thread.sleep(20);
                    return Result.pass("call " + calls.incrementAndGet());
                }))
                .addProbe(ScriptedProbe.web("test.target", c -> Result.pass(c.target().name())))
                .target(SHOP).target(Target.web("https://api.example.com")).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Report>> runs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                runs.add(pool.submit(preflight::run));
            }
            for (Future<Report> run : runs) {
                Report report = run.get(30, TimeUnit.SECONDS);
                assertThat(report.outcomes()).hasSize(4).allSatisfy(o -> assertThat(o.status()).isEqualTo(Status.PASS));
                assertThat(report.outcomes()).filteredOn(o -> o.probeId().equals("test.target"))
                        .allSatisfy(o -> assertThat(o.result().summary()).isEqualTo(o.target()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(calls).hasValue(32);
    }

    @Test
    void listenerSeesEachOutcomeOnceInFinishingOrderBeforeRunReturns() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch fastDone = new CountDownLatch(1);
        Report report = Preflight.builder().discoverProbes(false)
                .addProbe(ScriptedProbe.web("test.a-slow", c -> {
                    fastDone.await(5, TimeUnit.SECONDS);
                    return Result.pass("slow");
                }))
                .addProbe(ScriptedProbe.web("test.b-fast", c -> Result.pass("fast")))
                .addProbe(new ScriptedProbe("test.c-writes", TargetKind.WEB, true, c -> Result.pass("never")))
                .listener(o -> {
                    seen.add(o.probeId());
                    if (o.probeId().equals("test.b-fast")) {
                        fastDone.countDown();
                    }
                })
                .target(SHOP).build().run();

        assertThat(seen).containsExactly("test.b-fast", "test.a-slow");
        assertThat(report.outcomes()).extracting(ProbeOutcome::probeId).containsExactly("test.a-slow", "test.b-fast");
        assertThat(report.unnamedWriters()).as("left out, so never an outcome").containsExactly("test.c-writes");
    }

    @Test
    void aThrowingListenerDoesNotBreakTheRun() {
        Report report = Preflight.builder().discoverProbes(false)
                .addProbe(ScriptedProbe.web("test.ok", c -> Result.pass("ok")))
                .listener(o -> {
                    throw new IllegalStateException("progress bar bug");
                })
                .target(SHOP).build().run();

        assertThat(report.outcomes()).extracting(ProbeOutcome::status).containsExactly(Status.PASS);
    }

    @Test
    void runAsyncCompletesWithTheReport() throws Exception {
        Report report = Preflight.builder().discoverProbes(false)
                .addProbe(ScriptedProbe.web("test.ok", c -> Result.pass("ok")))
                .target(SHOP).build().runAsync().get(10, TimeUnit.SECONDS);

        assertThat(report.count(Status.PASS)).isEqualTo(1);
    }

    @Test
    void cancellingTheFutureInterruptsRunningProbes() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        CompletableFuture<Report> future = Preflight.builder().discoverProbes(false).timeout(Duration.ofMinutes(1))
                .addProbe(ScriptedProbe.web("test.long", c -> {
                    started.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                    return Result.pass("unreachable");
                }))
                .target(SHOP).build().runAsync();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(future.cancel(true)).isTrue();

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the probe was interrupted").isTrue();
        assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
    }

    @Test
    void checkShortcutRunsEveryDiscoveredProbeThatAppliesToTheUrl() throws IOException {
        Path jar = dir.resolve("probes.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            zip.putNextEntry(new JarEntry("META-INF/services/dev.preflight.probe.Probe"));
            zip.write((GoodProviderProbe.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);

            Report report = Preflight.check("https://user:hunter22@shop.example.com/");

            assertThat(report.outcomes()).extracting(ProbeOutcome::probeId, ProbeOutcome::target).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("acme.good", "https://user:***@shop.example.com/"));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void urlSchemesGiveTargetKinds() {
        assertThat(Target.forUrl("https://shop.example.com").kind()).isEqualTo(TargetKind.WEB);
        assertThat(Target.forUrl("postgresql://app:pw@db:5432/shop").kind()).isEqualTo(TargetKind.POSTGRES);
        assertThat(Target.forUrl("rediss://:pw@cache:6380").kind()).isEqualTo(TargetKind.REDIS);
        assertThat(Target.forUrl("smtps://smtp.example.com:465").kind()).isEqualTo(TargetKind.SMTP);
        assertThatThrownBy(() -> Target.forUrl("ftp://files.example.com")).hasMessageContaining("unsupported URL scheme");
        assertThatThrownBy(() -> Target.forUrl("postgresql://app:s3cret pw@db/x"))
                .hasMessageNotContaining("s3cret").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void configFilesNeedPreflightConfigOnTheClassPath() {
        Preflight.Builder b = Preflight.builder().discoverProbes(false).config(dir.resolve("preflight.yml"));

        assertThatThrownBy(b::build).isInstanceOf(ConfigException.class).hasMessageContaining("preflight-config");
    }

    @Test
    void byDefaultSixteenProbesPerCoreRunAtOnceBetweenSixteenAndOneHundredTwentyEight() {
        int cores = Runtime.getRuntime().availableProcessors();
        int expected = Math.max(16, Math.min(128, 16 * cores));
        assertThat(Preflight.defaultParallelism()).isEqualTo(expected);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        // The first `expected` probes hold on until all of them run; the rest must wait for a permit.
        CountDownLatch allStarted = new CountDownLatch(expected);
        Preflight.Builder b = Preflight.builder().discoverProbes(false).target(SHOP);
        for (int i = 0; i < expected + 8; i++) {
            b.addProbe(ScriptedProbe.web("test.slow-" + i, c -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                allStarted.countDown();
                boolean together = allStarted.await(8, TimeUnit.SECONDS);
                running.decrementAndGet();
                return together ? Result.pass("done") : Result.fail("fewer ran at once than the default allows", "none: a test");
            }));
        }

        Report report = b.build().run();

        assertThat(report.outcomes()).hasSize(expected + 8).allSatisfy(o -> assertThat(o.result().status()).isEqualTo(Status.PASS));
        assertThat(most.get()).isEqualTo(expected);
    }
}
