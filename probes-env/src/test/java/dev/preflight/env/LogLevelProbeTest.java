package dev.preflight.env;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.ProbeOutcome;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogLevelProbeTest {

    @TempDir
    Path dir;

    private static EnvCheck check() {
        return EnvCheck.of(new LogLevelProbe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"debug", "DEBUG", "trace", "verbose", "silly", "all", "finest", "'debug'"})
    void verboseLevelsFailInProduction(String level) {
        assertThat(check().with("LOG_LEVEL", level).result())
                .isFail().hasSubject("LOG_LEVEL")
                .hasRemediationContaining("Set LOG_LEVEL=info (or warn) in .env.production");
    }

    @ParameterizedTest
    @ValueSource(strings = {"info", "INFO", "warn", "warning", "error", "http", "notice", "silent", "off"})
    void infoAndQuieterPass(String level) {
        assertThat(check().with("APP_LOG_LEVEL", level).result()).isPass();
    }

    @Test
    void verboseOutsideProductionIsANote() {
        assertThat(check().stage("staging").with("DJANGO_LOG_LEVEL", "DEBUG").result())
                .isPass().hasSummaryContaining("DJANGO_LOG_LEVEL is 'DEBUG' in staging");
    }

    @Test
    void springLoggingLevelsAreRead() {
        Result result = check().with("LOGGING_LEVEL_ROOT", "INFO").with("LOGGING_LEVEL_ORG_HIBERNATE_SQL", "DEBUG").result();

        assertThat(result).isFail().hasSummary("LOGGING_LEVEL_ORG_HIBERNATE_SQL is 'DEBUG'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"info,sqlx=debug", "warn,shop_api", "shop_api=trace/foo", "debug"})
    void verboseRustDirectivesFail(String value) {
        assertThat(check().with("RUST_LOG", value).result()).isFail().hasRemediationContaining("RUST_LOG=info");
    }

    @ParameterizedTest
    @ValueSource(strings = {"info", "warn,hyper=error", "shop_api=info,tower_http=warn", "off"})
    void quietRustDirectivesPass(String value) {
        assertThat(check().with("RUST_LOG", value).result()).isPass();
    }

    @Test
    void rustDirectiveWithAnUnknownLevelWarns() {
        assertThat(check().with("RUST_LOG", "info,sqlx=loud").result())
                .isWarn().hasSummary("RUST_LOG has a directive whose level is not one ('sqlx=loud')");
    }

    @Test
    void nodeDebugFailsInProduction() {
        assertThat(check().with("NODE_DEBUG", "http,net").result())
                .isFail().hasSummary("NODE_DEBUG turns on Node's internal debug output ('http,net')")
                .hasRemediationContaining("Remove NODE_DEBUG");
        assertThat(check().with("NODE_DEBUG", "").result()).isPass();
    }

    @Test
    void numbersAndUnknownWordsWarn() {
        assertThat(check().with("LOG_LEVEL", "10").result()).isWarn().hasSummaryContaining("depends on the library");
        assertThat(check().with("LOG_LEVEL", "loud").result())
                .isWarn().hasSummary("LOG_LEVEL is 'loud', not a log level Preflight knows");
        assertThat(check().with("LOG_LEVEL", "YOUR_LOG_LEVEL").result()).isWarn().hasSummaryContaining("template");
        assertThat(check().with("RUST_LOG", "${RUST_LOG}").result()).isWarn().hasSummaryContaining("template");
    }

    @Test
    void emptyLevelPassesWithANote() {
        assertThat(check().with("LOGLEVEL", "").result()).isPass().hasSummaryContaining("the library's default level applies");
    }

    @Test
    void debugFlagIsLeftToEnvDebug() {
        assertThat(check().with("DEBUG", "app:*").result()).isSkip().hasSummaryContaining("LOG_LEVEL");
    }

    @Test
    void variableNameSettingAddsNames() {
        assertThat(check().setting("variable-name", "VERBOSITY").with("VERBOSITY", "trace").result())
                .isFail().hasSubject("VERBOSITY");
    }

    @Test
    void aRealFileReportsEveryVerboseLevel() {
        EnvFile file = EnvFile.write(dir, "LOG_LEVEL=\"debug\"", "export RUST_LOG='info,sqlx=debug'",
                "APP_LOG_LEVEL=" + "d".repeat(100_000), "LOGGING_LEVEL_ROOT=warn");

        ProbeOutcome outcome = file.outcome("env.log-level");

        assertThat(outcome.status()).isEqualTo(Status.FAIL);
        assertThat(EnvFile.problems(outcome)).containsExactly("LOG_LEVEL: is 'debug'",
                "RUST_LOG: logs at debug or trace ('sqlx=debug')",
                "APP_LOG_LEVEL: is '" + "d".repeat(39) + "…', not a log level Preflight knows");
    }
}
