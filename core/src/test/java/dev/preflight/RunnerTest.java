package dev.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RunnerTest {
    private static final Target SHOP = Target.web("https://shop.example.com");
    private static final Target API = Target.web("https://api.example.com");

    private static Preflight.Builder builder(ScriptedProbe... probes) {
        Preflight.Builder b = Preflight.builder().discoverProbes(false);
        for (ScriptedProbe p : probes) {
            b.addProbe(p);
        }
        return b;
    }

    @Test
    void outcomesComeOutInTargetOrderThenProbeIdWhateverTheFinishingOrder() {
        ScriptedProbe slow = ScriptedProbe.web("test.a-slow", c -> {
            Thread.sleep(150);
            return Result.pass("slow");
        });
        ScriptedProbe fast = ScriptedProbe.web("test.b-fast", c -> Result.pass("fast"));

        Report report = builder(fast, slow).target(API).target(SHOP).build().run();

        assertThat(report.outcomes()).extracting(o -> o.target() + "/" + o.probeId()).containsExactly(
                "https://api.example.com/test.a-slow", "https://api.example.com/test.b-fast",
                "https://shop.example.com/test.a-slow", "https://shop.example.com/test.b-fast");
    }

    @Test
    void noMoreProbesRunAtOnceThanTheParallelism() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        Preflight.Builder b = builder().parallelism(3);
        for (int i = 0; i < 12; i++) {
            b.addProbe(ScriptedProbe.web("test.p" + i, c -> {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                Thread.sleep(40);
                running.decrementAndGet();
                return Result.pass("ok");
            }));
        }

        Report report = b.target(SHOP).build().run();

        assertThat(report.count(Status.PASS)).isEqualTo(12);
        assertThat(peak.get()).isEqualTo(3);
    }

    @Test
    void probeThatNeverReturnsYieldsErrorAtItsDeadlineAndIsInterrupted() {
        AtomicBoolean interrupted = new AtomicBoolean();
        ScriptedProbe hangs = ScriptedProbe.web("test.hangs", c -> {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
            return Result.pass("unreachable");
        });

        Report report = builder(hangs).target(SHOP).timeout(Duration.ofMillis(200)).build().run();

        ProbeOutcome outcome = report.outcomes().get(0);
        assertThat(outcome.status()).isEqualTo(Status.ERROR);
        assertThat(outcome.result().summary()).isEqualTo("no answer within 200ms");
        assertThat(outcome.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(200)).isLessThan(Duration.ofSeconds(5));
        assertThat(waitFor(interrupted)).as("the hung probe's thread was interrupted").isTrue();
    }

    @Test
    void silentServerYieldsErrorAtDeadlineAndTheRegisteredSocketIsClosed() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = Collections.synchronizedList(new ArrayList<>());
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException e) {
                    // server closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            AtomicBoolean readEnded = new AtomicBoolean();
            ScriptedProbe reads = ScriptedProbe.web("test.reads", c -> {
                Socket socket = new Socket(silent.getInetAddress(), silent.getLocalPort());
                c.onCancel(socket);
                try (InputStream in = socket.getInputStream()) {
                    in.read(); // blocks: the server never writes; not interruptible
                } finally {
                    readEnded.set(true);
                }
                return Result.pass("unreachable");
            });

            Report report = builder(reads).target(SHOP).timeout(Duration.ofMillis(300)).build().run();

            assertThat(report.outcomes().get(0).status()).isEqualTo(Status.ERROR);
            assertThat(report.outcomes().get(0).result().summary()).contains("no answer within 300ms");
            assertThat(waitFor(readEnded)).as("closing the socket unblocked the read").isTrue();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void overallDeadlineStopsProbesStillRunningAndThoseNotStarted() {
        Preflight.Builder b = builder().parallelism(1).overallTimeout(Duration.ofMillis(300)).timeout(Duration.ofSeconds(30));
        b.addProbe(ScriptedProbe.web("test.first", c -> {
            Thread.sleep(10_000);
            return Result.pass("unreachable");
        }));
        b.addProbe(ScriptedProbe.web("test.second", c -> Result.pass("never started")));

        Report report = b.target(SHOP).build().run();

        assertThat(report.outcomes()).extracting(ProbeOutcome::status).containsExactly(Status.ERROR, Status.ERROR);
        assertThat(report.outcomes().get(0).result().summary()).contains("overall deadline");
        assertThat(report.outcomes().get(1).result().summary()).startsWith("not started");
        assertThat(report.duration()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void exceptionsErrorsAndNullResultsBecomeErrorResults() {
        Report report = builder(
                ScriptedProbe.web("test.runtime", c -> {
                    throw new IllegalStateException("boom");
                }),
                ScriptedProbe.web("test.checked", c -> {
                    throw new IOException("connection refused");
                }),
                ScriptedProbe.web("test.error", c -> {
                    throw new AssertionError("broken invariant");
                }),
                ScriptedProbe.web("test.linkage", c -> {
                    throw new NoClassDefFoundError("com/acme/Missing");
                }),
                ScriptedProbe.web("test.recursion", c -> recurse(0)),
                ScriptedProbe.web("test.null", c -> null))
                .target(SHOP).build().run();

        assertThat(report.outcomes()).allSatisfy(o -> assertThat(o.status()).isEqualTo(Status.ERROR));
        assertThat(report.outcomes()).extracting(o -> o.result().summary()).containsExactly(
                "could not tell: connection refused",
                "the probe crashed: AssertionError: broken invariant",
                "the probe crashed: NoClassDefFoundError: com/acme/Missing",
                "the probe returned no result (null)",
                "the probe crashed: StackOverflowError",
                "the probe crashed: IllegalStateException: boom");
    }

    private static Result recurse(int depth) {
        return depth < 0 ? null : recurse(depth + 1);
    }

    @Test
    void secretsInProbeTextsAreRedacted() {
        Target stripe = Target.builder("stripe", TargetKind.STRIPE)
                .secret("secret-key", dev.preflight.probe.Secret.of("sk_live_51HxQ2eKz9vT4bW7cR0aY4242")).build();
        ScriptedProbe leaky = new ScriptedProbe("test.leaky", TargetKind.STRIPE, c -> {
            String key = c.target().secret("secret-key").orElseThrow().reveal();
            throw new IllegalStateException("401 for key " + key + " at https://user:hunter22@api.example.com/v1");
        });

        Report report = builder(leaky).target(stripe).build().run();

        String summary = report.outcomes().get(0).result().summary();
        assertThat(summary).doesNotContain("sk_live_51HxQ2eKz9vT4bW7cR0aY4242").doesNotContain("hunter22")
                .contains("sk_live_…4242").contains("user:***@api.example.com");
    }

    @Test
    void everyTextAReportPrintsIsRedactedEvenWhenTheProbeCutsASecretShort() throws IOException {
        String key = "Zt5nQ8wLx2Vr7KpMa9";
        Target env = Target.builder(".env", TargetKind.ENV).variables(java.util.Map.of("API_KEY", key)).build();
        ScriptedProbe echoes = new ScriptedProbe("test.echoes", TargetKind.ENV, c -> Result.builder(Status.FAIL)
                .summary("x".repeat(290) + " key " + key)
                .remediation("rotate " + key)
                .subject("API_KEY=" + key)
                .detail("seen-" + key, List.of("nested " + key, List.of("deeper " + key)))
                .detail("asMap", java.util.Map.of("k", key))
                .detail("cut", key.substring(0, 9) + "…")
                .cause(new IllegalStateException("cause holds " + key))
                .build());

        Report report = builder(echoes).target(env).build().run();

        for (dev.preflight.report.ReportFormat format : dev.preflight.report.ReportFormat.values()) {
            StringBuilder out = new StringBuilder();
            format.writer(false).write(report, out);
            assertThat(out.toString()).as(format.name()).doesNotContain(key).doesNotContain(key.substring(0, 9));
        }
        ProbeOutcome outcome = report.outcomes().get(0);
        assertThat(outcome.subject()).isEqualTo("API_KEY=…" + key.substring(key.length() - 4));
        assertThat(outcome.result().cause()).as("kept for embedders, never rendered").isPresent();
    }

    @Test
    void passwordsInsideEnvironmentUrlsAreRedactedRawAndDecoded() {
        Target env = Target.builder(".env", TargetKind.ENV)
                .variables(java.util.Map.of("DATABASE_URL", "postgresql://app:Pl%40nted%2Fpw@db/x")).build();
        ScriptedProbe echoes = new ScriptedProbe("test.echoes", TargetKind.ENV,
                c -> Result.fail("saw Pl@nted/pw and Pl%40nted%2Fpw", "none"));

        Report report = builder(echoes).target(env).build().run();

        assertThat(report.outcomes().get(0).result().summary()).doesNotContain("Pl@nted/pw").doesNotContain("Pl%40nted%2Fpw");
    }

    @Test
    void writingProbeIsNeverCalledUnlessNamedAndIsListedOnceInsteadOfSkippedPerTarget() {
        AtomicInteger calls = new AtomicInteger();
        ScriptedProbe sends = new ScriptedProbe("test.sends", TargetKind.WEB, true, c -> {
            calls.incrementAndGet();
            return Result.pass("sent");
        });
        ScriptedProbe reads = ScriptedProbe.web("test.reads", c -> Result.pass("read"));

        Report byGlob = builder(sends, reads).target(SHOP).target(API).probes("test.*").build().run();

        assertThat(calls).hasValue(0);
        assertThat(byGlob.outcomes()).extracting(ProbeOutcome::probeId).containsOnly("test.reads").hasSize(2);
        assertThat(byGlob.unnamedWriters()).containsExactly("test.sends");
        assertThat(byGlob.count(Status.SKIP)).isZero();

        Report byName = builder(sends).target(SHOP).target(API).probes("test.sends").build().run();

        assertThat(calls).hasValue(2);
        assertThat(byName.outcomes()).extracting(ProbeOutcome::status).containsExactly(Status.PASS, Status.PASS);
        assertThat(byName.unnamedWriters()).isEmpty();
    }

    @Test
    void writingProbeNamedOnOneTargetRunsThereOnlyAndIsNotListedAsLeftOut() {
        ScriptedProbe sends = new ScriptedProbe("test.sends", TargetKind.WEB, true, c -> Result.pass("sent"));
        Target named = Target.builder("named", TargetKind.WEB).uri(java.net.URI.create("https://named.example.com"))
                .include(List.of("test.sends")).build();

        Report report = builder(sends).target(SHOP).target(named).build().run();

        assertThat(report.outcomes()).extracting(ProbeOutcome::target).containsExactly("named");
        assertThat(report.unnamedWriters()).isEmpty();
    }

    @Test
    void probesRunOnlyOnTargetsOfTheirKindAndSelection() {
        ScriptedProbe web = ScriptedProbe.web("test.web", c -> Result.pass("web"));
        ScriptedProbe env = new ScriptedProbe("test.env", TargetKind.ENV, c -> Result.pass("env"));
        ScriptedProbe excluded = ScriptedProbe.web("test.excluded", c -> Result.pass("no"));
        Target app = Target.builder(".env", TargetKind.ENV).build();

        Report report = builder(web, env, excluded).target(SHOP).target(app).exclude("test.exc*").build().run();

        assertThat(report.outcomes()).extracting(o -> o.target() + "/" + o.probeId())
                .containsExactly("https://shop.example.com/test.web", ".env/test.env");
    }

    private static boolean waitFor(AtomicBoolean flag) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!flag.get() && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        return flag.get();
    }
}
