package dev.preflight.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DebugFlagProbeTest {

    private static EnvCheck check() {
        return EnvCheck.of(new DebugFlagProbe());
    }

    @Test
    void truthyDebugFails() {
        Result result = check().with("DEBUG", "True").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("DEBUG is on");
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r).startsWith("Set DEBUG=false in .env.production."));
        assertThat(result.subject()).hasValue("DEBUG");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "1", "yes", "on", "(true)", "\"true\""})
    void everyTruthySpellingFails(String value) {
        assertThat(check().with("APP_DEBUG", value).result().status()).isEqualTo(Status.FAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"False", "false", "0", "no", "off", "", "'false'"})
    void falsyDebugPasses(String value) {
        Result result = check().with("DEBUG", value).result();

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.summary()).contains("DEBUG");
    }

    @Test
    void eachOffendingVariableIsNamedInOneResult() {
        Result result = check().with("DEBUG", "true").with("APP_DEBUG", "1").with("FLASK_DEBUG", "0").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).contains("DEBUG is on", "APP_DEBUG is on").doesNotContain("FLASK_DEBUG");
        assertThat(EnvCheck.list(result, "failures")).hasSize(2);
        assertThat(EnvCheck.list(result, "checked")).containsExactly("DEBUG", "APP_DEBUG", "FLASK_DEBUG");
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r).contains("DEBUG=false", "APP_DEBUG=false"));
    }

    @Test
    void unparseableValueFailsWithReason() {
        Result result = check().with("DEBUG", "express:*").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("DEBUG is 'express:*', neither on nor off");
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r).contains("Accepted values"));
    }

    @Test
    void debugInStagingOnlyWarns() {
        Result result = check().stage("staging").with("DJANGO_DEBUG", "true").result();

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).isEqualTo("DJANGO_DEBUG is on in staging");
    }

    @Test
    void unparseableValueFailsOutsideProductionToo() {
        assertThat(check().stage("staging").with("DEBUG", "maybe").result().status()).isEqualTo(Status.FAIL);
    }

    @Test
    void noDebugFlagIsSkippedNamingWhatWasLookedFor() {
        Result result = check().with("LOG_LEVEL", "debug").result();

        assertThat(result.status()).isEqualTo(Status.SKIP);
        assertThat(result.summary()).contains("DEBUG", "APP_DEBUG", "FLASK_DEBUG", "DJANGO_DEBUG");
    }
}
