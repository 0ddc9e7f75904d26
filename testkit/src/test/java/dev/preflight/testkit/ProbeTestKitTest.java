package dev.preflight.testkit;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.ProbeOutcome;
import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ProbeTestKitTest {
    private static final Target ENV = Target.builder(".env.production", TargetKind.ENV)
            .variables(Map.of("API_SECRET", "hunter2-but-longer")).build();

    /** A probe whose result is whatever the function makes of the context: the smallest fake there is. */
    private static Probe probe(String id, boolean writes, Function<ProbeContext, Result> check) {
        return new Probe() {
            public String id() {
                return id;
            }

            public String title() {
                return "a fake";
            }

            public TargetKind targetKind() {
                return TargetKind.ENV;
            }

            public boolean writes() {
                return writes;
            }

            public Result check(ProbeContext context) {
                return check.apply(context);
            }
        };
    }

    private static Result sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Result.pass("slept");
    }

    @Test
    void fixedClockAndScopedSettingReachTheProbe() {
        Probe expiry = probe("acme.expiry", false, c -> Result.builder(Status.PASS)
                .summary("today is " + LocalDate.now(c.clock()))
                .detail("warnDays", c.settings().integer("warn-days", 14)).build());

        ProbeOutcome outcome = ProbeTestKit.forProbe(expiry).target(ENV)
                .clock(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC))
                .setting("warn-days", "30")
                .run();

        assertThat(outcome.result()).isPass().hasSummary("today is 2026-11-23").hasDetail("warnDays", 30);
    }

    @Test
    void resultsAreRedactedAsInARealRun() {
        Probe echo = probe("acme.echo", false, c -> Result.pass("secret is " + c.target().variables().get("API_SECRET")));

        ProbeOutcome outcome = ProbeTestKit.forProbe(echo).target(ENV).run();

        assertThat(outcome.result()).hasSummaryContaining("secret is …").containsNoText("hunter2-but-longer");
    }

    @Test
    void probeStillRunningAtItsDeadlineIsAnError() {
        Probe slow = probe("acme.slow", false, c -> sleep(Duration.ofSeconds(10)));

        ProbeOutcome outcome = ProbeTestKit.forProbe(slow).target(ENV).timeout(Duration.ofMillis(200)).run();

        assertThat(outcome).hasStatus(Status.ERROR).tookLessThan(Duration.ofSeconds(5))
                .result().hasSummaryContaining("no answer within 200ms");
    }

    @Test
    void timeoutSetOnTheKitReplacesTheTargetsOwn() {
        Probe slow = probe("acme.slow", false, c -> sleep(Duration.ofSeconds(10)));
        Target patient = Target.builder("patient", TargetKind.ENV).timeout(Duration.ofSeconds(30)).build();

        ProbeOutcome outcome = ProbeTestKit.forProbe(slow).target(patient).timeout(Duration.ofMillis(200)).run();

        assertThat(outcome).hasStatus(Status.ERROR).tookLessThan(Duration.ofSeconds(5));
    }

    @Test
    void writingProbeRunsOnlyWhenWritesAreAllowed() {
        AtomicInteger calls = new AtomicInteger();
        Probe writer = probe("acme.webhook", true, c -> Result.pass("sent " + calls.incrementAndGet()));

        assertThat(ProbeTestKit.forProbe(writer).target(ENV).run().result()).isSkip()
                .hasSummaryContaining("allowWrites(true)");
        assertThat(ProbeTestKit.forProbe(writer).target(ENV).runReport().unnamedWriters()).containsExactly("acme.webhook");
        assertThatThrownBy(() -> ProbeTestKit.forProbe(writer).target(ENV).context())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("allowWrites(true)");
        assertThat(calls).hasValue(0);
        assertThat(ProbeTestKit.forProbe(writer).target(ENV).allowWrites(true).run().result())
                .isPass().hasSummary("sent 1");
    }

    @Test
    void networkSettingsReachTheProbe() {
        Probe resolving = probe("acme.resolve", false, c -> Result.pass("overrides: " + c.network().hostOverrides().size()));
        NetworkSettings network = NetworkSettings.builder()
                .hostOverride(HostOverride.parse("shop.example.com:443:127.0.0.1")).build();

        assertThat(ProbeTestKit.forProbe(resolving).target(ENV).network(network).run().result()).hasSummary("overrides: 1");
    }

    @Test
    void contextIsWhatTheRunnerWouldHandOver() {
        Probe reader = probe("acme.reader", false, c -> Result.pass("unused"));
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

        ProbeContext context = ProbeTestKit.forProbe(reader).target(ENV).clock(clock).timeout(Duration.ofSeconds(3))
                .setting("warn-days", "30").allowWrites(true).context();

        assertThat(context.target().variables()).containsEntry("API_SECRET", "hunter2-but-longer");
        assertThat(context.settings().integer("warn-days", 0)).isEqualTo(30);
        assertThat(context.clock()).isEqualTo(clock);
        assertThat(context.remaining()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(context.redactor().redact("it is hunter2-but-longer")).doesNotContain("hunter2-but-longer");
    }

    @Test
    void defaultsAreTheUtcSystemClockAndAFiveSecondDeadline() {
        ProbeContext context = ProbeTestKit.forProbe(probe("acme.reader", false, c -> null)).target(ENV).context();

        assertThat(context.clock()).isEqualTo(Clock.systemUTC());
        assertThat(context.remaining()).isGreaterThan(Duration.ofSeconds(4)).isLessThanOrEqualTo(ProbeTestKit.DEFAULT_TIMEOUT);
    }

    @Test
    void contextClosesWhatTheProbeRegisteredAtTheDeadline() throws InterruptedException {
        ProbeContext context = ProbeTestKit.forProbe(probe("acme.socket", false, c -> null)).target(ENV)
                .timeout(Duration.ofMillis(100)).context();
        CountDownLatch closed = new CountDownLatch(1);

        context.onCancel(closed::countDown);

        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void targetOfAnotherKindIsRefusedBeforeAnythingRuns() {
        ProbeTestKit kit = ProbeTestKit.forProbe(probe("acme.env-only", false, c -> null))
                .target(Target.web("https://shop.example.com"));

        assertThatThrownBy(kit::run).isInstanceOf(IllegalStateException.class)
                .hasMessage("acme.env-only checks env targets, but https://shop.example.com is a web target");
    }

    @Test
    void runWithoutATargetIsRefused() {
        assertThatThrownBy(() -> ProbeTestKit.forProbe(probe("acme.lonely", false, c -> null)).run())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("call target(...)");
    }
}
