package dev.preflight.junit;

import static dev.preflight.junit.Engine.finished;
import static dev.preflight.junit.Engine.names;
import static dev.preflight.junit.Engine.thrown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.Preflight;
import dev.preflight.Report;
import dev.preflight.Waiver;
import dev.preflight.probe.Result;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class PreflightTestsTest {
    private final EngineExecutionResults lenient = Engine.run(ScriptedRunFixture.class);

    @Test
    void passAndWarnPassFailAndErrorFailSkipAndWaivedAbort() {
        lenient.testEvents().assertStatistics(stats -> stats.started(7).succeeded(3).failed(2).aborted(2));
        assertThat(names(lenient.testEvents().succeeded())).containsExactly(
                "demo.pass — Debug mode is off", "demo.warn — Access tokens are short-lived", "demo.web — The site answers");
        assertThat(names(lenient.testEvents().failed())).containsExactly(
                "demo.error — The database answers", "demo.fail — Secrets are not placeholders [SECRET_KEY]");
        assertThat(names(lenient.testEvents().aborted())).containsExactly(
                "demo.skip — Redis uses TLS", "demo.waived — Sessions are short");
    }

    @Test
    void failureMessageHasStatusSummaryFixSubjectAndDetailsOneALine() {
        Throwable failure = thrown(finished(lenient.testEvents(), "demo.fail — Secrets are not placeholders [SECRET_KEY]"));

        assertThat(failure).isInstanceOf(AssertionFailedError.class).hasMessage(ScriptedRuns.FAIL_MESSAGE);
        assertThat(failure.getStackTrace()).as("JUnit's frames say nothing about the target").isEmpty();
    }

    @Test
    void errorFailsWithItsSummaryAndNoCause() {
        Throwable failure = thrown(finished(lenient.testEvents(), "demo.error — The database answers"));

        assertThat(failure).isInstanceOf(AssertionFailedError.class)
                .hasMessage("ERROR: connection refused by db.internal:5432").hasNoCause();
    }

    @Test
    void skipIsAbortedWithItsReason() {
        assertThat(thrown(finished(lenient.testEvents(), "demo.skip — Redis uses TLS")))
                .isInstanceOf(TestAbortedException.class).hasMessage("REDIS_URL is not set");
    }

    @Test
    void waivedFailureIsAbortedNamingTheWaiverAndWhatItHides() {
        assertThat(thrown(finished(lenient.testEvents(), "demo.waived — Sessions are short")))
                .isInstanceOf(TestAbortedException.class)
                .hasMessage("waived until 2027-02-01: mobile app needs refresh tokens first (SHOP-412)"
                        + " (was FAIL: sessions last 30d)");
    }

    @Test
    void eachTargetIsAContainerNamedAfterTargetAndKind() {
        assertThat(names(lenient.containerEvents().started()))
                .containsExactly("JUnit Jupiter", "ScriptedRunFixture", "lenient()", "shop.env (env)",
                        "https://shop.example.com (web)");
        lenient.containerEvents().assertStatistics(stats -> stats.started(5).succeeded(5).failed(0));
    }

    @Test
    void strictModeFailsWarnings() {
        EngineExecutionResults strict = Engine.run(StrictScriptedRunFixture.class);

        strict.testEvents().assertStatistics(stats -> stats.started(7).succeeded(2).failed(3).aborted(2));
        assertThat(thrown(finished(strict.testEvents(), "demo.warn — Access tokens are short-lived")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage("WARN: tokens live 7d\nFix: Set ACCESS_TOKEN_EXPIRE_MINUTES=15.");
    }

    @Test
    void runWithoutOutcomesIsOneAbortedTestNotAGreenRun() {
        List<DynamicTest> tests = tests(PreflightTests.run(ScriptedRuns.base().build()));

        assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly("no checks ran");
        assertThatThrownBy(() -> tests.get(0).getExecutable().execute()).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("no outcomes");
    }

    @Test
    void writingProbesNobodyNamedAreOneAbortedTestForTheRunNotOnePerTarget() {
        Report report = new Report(java.time.Instant.EPOCH, java.time.Duration.ZERO, List.of(),
                List.of("demo.sends", "demo.posts"));

        List<DynamicTest> tests = tests(PreflightTests.of(report));

        assertThat(tests).extracting(DynamicTest::getDisplayName).containsExactly("writing probes not named");
        assertThatThrownBy(() -> tests.get(0).getExecutable().execute()).isInstanceOf(TestAbortedException.class)
                .hasMessageStartingWith("not run: demo.posts, demo.sends");
    }

    @Test
    void expiredWaiverFailsWithANoteSayingSo() {
        Preflight preflight = ScriptedRuns.base()
                .addProbe(ScriptedProbe.env("demo.fail", "Secrets are set", Result.fail("SECRET_KEY is empty", "Set it.")))
                .waiver(new Waiver("demo.fail", "shop.env", "until the vault migration", LocalDate.parse("2026-01-01")))
                .build();

        DynamicTest test = tests(PreflightTests.run(preflight)).get(0);

        assertThatThrownBy(() -> test.getExecutable().execute()).isInstanceOf(AssertionFailedError.class)
                .hasMessage("FAIL: SECRET_KEY is empty\nFix: Set it.\nNote: waiver expired 2026-01-01: until the vault migration");
    }

    @Test
    void reportsFromCodeAreLenientUnlessToldOtherwise() {
        Report report = ScriptedRuns.everyStatusReport();

        assertThatCode(() -> warnTest(PreflightTests.of(report)).getExecutable().execute()).doesNotThrowAnyException();
        assertThatThrownBy(() -> warnTest(PreflightTests.of(report, true)).getExecutable().execute())
                .isInstanceOf(AssertionFailedError.class);
    }

    private static DynamicTest warnTest(Stream<DynamicNode> nodes) {
        return tests(nodes).stream().filter(t -> t.getDisplayName().startsWith("demo.warn")).findFirst().orElseThrow();
    }

    private static List<DynamicTest> tests(Stream<? extends DynamicNode> nodes) {
        return nodes.flatMap(n -> n instanceof DynamicContainer c ? tests(c.getChildren()).stream() : Stream.of((DynamicTest) n))
                .toList();
    }
}
