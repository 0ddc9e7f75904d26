package dev.preflight.junit;

import static dev.preflight.junit.Engine.finished;
import static dev.preflight.junit.Engine.names;
import static dev.preflight.junit.Engine.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The annotation end to end: real files, the real env probes, paths relative to the module directory. */
class PreflightCheckTest {
    private static final String DEBUG_TEST = "env.debug — Debug mode is off [DEBUG]";

    @Test
    void cleanEnvironmentFilePassesOrSkipsEveryEnvProbe() {
        EngineExecutionResults results = Engine.run(CleanEnvFixture.class);

        results.testEvents().assertStatistics(stats -> stats.started(21).failed(0));
        assertThat(names(results.testEvents().succeeded())).contains(DEBUG_TEST, "env.environment — Frameworks run in production mode");
        assertThat(names(results.containerEvents().succeeded())).contains("production(Report)", "clean.env (env)");
    }

    @Test
    void debugOnFailsEnvDebugWithItsRemediation() {
        EngineExecutionResults results = Engine.run(DebugOnFixture.class);

        assertThat(names(results.testEvents().failed())).containsExactly(DEBUG_TEST);
        assertThat(thrown(finished(results.testEvents(), DEBUG_TEST))).isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("FAIL: DEBUG is on\nFix: Set DEBUG=false in debug-on.env.")
                .hasMessageContaining("\nSubject: DEBUG\n");
    }

    @Test
    void strictMappingFailsWarningsOfTheInjectedReport() {
        Events tests = Engine.run(LongTokensFixture.class).testEvents();

        tests.assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        Event failed = tests.failed().list().get(0);
        assertThat(failed.getTestDescriptor().getUniqueId().toString()).contains("strict(");
        assertThat(thrown(failed)).hasMessageStartingWith("WARN: ACCESS_TOKEN_EXPIRE_MINUTES lets access tokens live 7d");
    }

    @Test
    void waiverFromTheConfigFileAbortsTheCheck() {
        EngineExecutionResults results = Engine.run(WaivedConfigFixture.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).aborted(1));
        assertThat(thrown(finished(results.testEvents(), DEBUG_TEST))).isInstanceOf(TestAbortedException.class)
                .hasMessage("waived until 2099-01-01: staging box doubles as production until the cut-over (OPS-7)"
                        + " (was FAIL: DEBUG is on)");
        assertThat(names(results.containerEvents().started())).contains("debug-on.env (env)");
    }

    @Test
    void unknownKeyFailsTheMethodWithFileLineAndKey() {
        assertThat(configError("unknownKey(Report)")).hasMessage(
                "src/test/resources/config/broken.yml:5: targets.shop.timout: unknown key 'timout'; did you mean 'timeout'?");
    }

    @Test
    void missingFileNamesTheWorkingDirectory() {
        assertThat(configError("missingFile(Report)"))
                .hasMessageStartingWith("src/test/resources/env/missing.env: @PreflightCheck.env: the file does not exist;")
                .hasMessageContaining("relative to the working directory");
    }

    @Test
    void unknownProbeGlobSuggestsTheClosestId() {
        assertThat(configError("unknownProbe(Report)"))
                .hasMessageStartingWith("@PreflightCheck.probes: no probe matches 'env.debgu'; did you mean 'env.debug'?");
    }

    @Test
    void malformedTimeoutNamesTheAttribute() {
        assertThat(configError("badTimeout(Report)"))
                .hasMessage("@PreflightCheck.timeout: '10 sec' is not a positive duration (use 500ms, 10s, 2m)");
    }

    @Test
    void noFileAndNoPreflightYmlIsAConfigurationError() {
        assertThat(configError("nothingToCheck(Report)")).hasMessageStartingWith("@PreflightCheck: nothing to check");
    }

    @Test
    void everyParameterOfAMethodGetsTheSameReport() {
        EngineExecutionResults results = Engine.run(ReportParameterFixture.class);

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertThat(names(results.testEvents().succeeded())).contains("oneRunPerMethod(Report, Report)", DEBUG_TEST);
    }

    private static Throwable configError(String method) {
        EngineExecutionResults results = Engine.run(ConfigErrorFixture.class);
        results.containerEvents().assertStatistics(stats -> stats.failed(5));
        results.testEvents().assertStatistics(stats -> stats.started(0));
        Throwable error = thrown(finished(results.containerEvents(), method));
        assertThat(error).isExactlyInstanceOf(ConfigException.class);
        return error;
    }
}
