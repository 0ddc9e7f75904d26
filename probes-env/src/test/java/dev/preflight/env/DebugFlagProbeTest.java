package dev.preflight.env;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DebugFlagProbeTest {

    private static EnvCheck check() {
        return EnvCheck.of(new DebugFlagProbe());
    }

    @Test
    void truthyDebugFails() {
        assertThat(check().with("DEBUG", "True").result())
                .isFail()
                .hasSummary("DEBUG is on")
                .hasRemediationContaining("Set DEBUG=false in .env.production.")
                .hasSubject("DEBUG");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "1", "yes", "on", "(true)", "\"true\""})
    void everyTruthySpellingFails(String value) {
        assertThat(check().with("APP_DEBUG", value).result()).isFail();
    }

    @ParameterizedTest
    @ValueSource(strings = {"False", "false", "0", "no", "off", "", "'false'"})
    void falsyDebugPasses(String value) {
        assertThat(check().with("DEBUG", value).result()).isPass().hasSummaryContaining("DEBUG");
    }

    @Test
    void eachOffendingVariableIsNamedInOneResult() {
        Result result = check().with("DEBUG", "true").with("APP_DEBUG", "1").with("FLASK_DEBUG", "0").result();

        assertThat(result).isFail()
                .hasSummaryContaining("DEBUG is on").hasSummaryContaining("APP_DEBUG is on")
                .hasDetail("checked", List.of("DEBUG", "APP_DEBUG", "FLASK_DEBUG"))
                .hasRemediationContaining("DEBUG=false").hasRemediationContaining("APP_DEBUG=false");
        assertThat(result.summary()).doesNotContain("FLASK_DEBUG");
        assertThat(EnvCheck.list(result, "failures")).hasSize(2);
    }

    @Test
    void unparseableValueFailsWithReason() {
        assertThat(check().with("DEBUG", "express:*").result())
                .isFail()
                .hasSummary("DEBUG is 'express:*', neither on nor off")
                .hasRemediationContaining("Accepted values");
    }

    @Test
    void debugInStagingOnlyWarns() {
        assertThat(check().stage("staging").with("DJANGO_DEBUG", "true").result())
                .isWarn().hasSummary("DJANGO_DEBUG is on in staging");
    }

    @Test
    void unparseableValueFailsOutsideProductionToo() {
        assertThat(check().stage("staging").with("DEBUG", "maybe").result()).isFail();
    }

    @Test
    void noDebugFlagIsSkippedNamingWhatWasLookedFor() {
        Result result = check().with("LOG_LEVEL", "debug").result();

        assertThat(result).isSkip();
        assertThat(result.summary()).contains("DEBUG", "APP_DEBUG", "FLASK_DEBUG", "DJANGO_DEBUG");
    }
}
