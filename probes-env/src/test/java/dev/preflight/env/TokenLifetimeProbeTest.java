package dev.preflight.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenLifetimeProbeTest {

    private static EnvCheck check() {
        return EnvCheck.of(new TokenLifetimeProbe());
    }

    @ParameterizedTest
    @CsvSource({"ACCESS_TOKEN_EXPIRE_MINUTES, 15", "JWT_EXPIRES_IN, 15m", "JWT_EXPIRES_IN, 900", "ACCESS_TOKEN_TTL, 1h",
        "JWT_EXPIRATION, 1 day", "JWT_ACCESS_TOKEN_EXPIRES, 3600", "ACCESS_TOKEN_LIFETIME, PT30M",
        "JWT_EXPIRATION_MS, 900000", "ACCESS_TOKEN_EXPIRE_HOURS, 24"})
    void shortLifetimesPass(String name, String value) {
        assertThat(check().with(name, value).result().status()).isEqualTo(Status.PASS);
    }

    @Test
    void aWeekWarns() {
        Result result = check().with("ACCESS_TOKEN_EXPIRE_MINUTES", "10080").result();

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).isEqualTo("ACCESS_TOKEN_EXPIRE_MINUTES lets access tokens live 7d, more than 1d");
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r)
                .startsWith("Set ACCESS_TOKEN_EXPIRE_MINUTES=15 (15 minutes) in .env.production"));
        assertThat(result.details()).containsEntry("seconds", 604800L).containsEntry("warnAbove", "1d");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7d", "1w", "2 days", "168h", "604800"})
    void everySpellingOfAWeekWarns(String value) {
        assertThat(check().with("JWT_EXPIRES_IN", value).result().status()).isEqualTo(Status.WARN);
    }

    @Test
    void remediationKeepsTheVariablesNotation() {
        assertThat(check().with("JWT_EXPIRES_IN", "604800").result().remediation())
                .hasValueSatisfying(r -> assertThat(r).startsWith("Set JWT_EXPIRES_IN=900 (15 minutes)"));
        assertThat(check().with("JWT_EXPIRES_IN", "7d").result().remediation())
                .hasValueSatisfying(r -> assertThat(r).startsWith("Set JWT_EXPIRES_IN=15m (15 minutes)"));
    }

    @Test
    void moreThanThirtyDaysFails() {
        Result result = check().with("JWT_EXPIRES_IN", "90d").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("JWT_EXPIRES_IN lets access tokens live 90d, more than 30d");
    }

    @Test
    void exactlyOneDayPasses() {
        assertThat(check().with("JWT_EXPIRES_IN", "1d").result().status()).isEqualTo(Status.PASS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"False", "never", "0", "-1"})
    void tokensThatNeverExpireFail(String value) {
        Result result = check().with("JWT_ACCESS_TOKEN_EXPIRES", value).result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).endsWith("so access tokens never expire");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a while", "15 fortnights", "", "1h30"})
    void unparseableLifetimeFails(String value) {
        Result result = check().with("JWT_EXPIRATION", value).result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).contains("is not a duration");
    }

    @Test
    void refreshTokenLifetimesAreJudgedByTheirOwnLimits() {
        Result month = check().with("JWT_REFRESH_EXPIRES_IN", "30d").with("JWT_LEEWAY", "30").result();
        Result twoMonths = check().with("REFRESH_TOKEN_EXPIRE_DAYS", "60").result();
        Result year = check().with("REFRESH_TOKEN_LIFETIME", "365d").result();
        Result never = check().with("JWT_REFRESH_EXPIRATION", "false").result();

        assertThat(month.status()).isEqualTo(Status.PASS);
        assertThat(month.summary()).startsWith("refresh tokens at most 30d");
        assertThat(twoMonths.status()).isEqualTo(Status.WARN);
        assertThat(twoMonths.summary()).isEqualTo("REFRESH_TOKEN_EXPIRE_DAYS lets refresh tokens live 60d, more than 30d");
        assertThat(twoMonths.remediation()).hasValueSatisfying(r -> assertThat(r)
                .startsWith("Set REFRESH_TOKEN_EXPIRE_DAYS=14 (14 days) in .env.production"));
        assertThat(year.status()).isEqualTo(Status.FAIL);
        assertThat(never.status()).isEqualTo(Status.FAIL);
        assertThat(never.summary()).contains("refresh tokens never expire");
    }

    @Test
    void refreshLimitsComeFromSettings() {
        Result result = check().with("REFRESH_TOKEN_TTL", "7d").setting("refresh-warn-above", "1d")
                .setting("refresh-fail-above", "3d").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).contains("more than 3d");
    }

    @Test
    void thresholdsComeFromSettings() {
        Result warn = check().with("JWT_EXPIRES_IN", "2h").setting("warn-above", "1h").result();
        Result fail = check().with("JWT_EXPIRES_IN", "2d").setting("fail-above", "1d").result();

        assertThat(warn.status()).isEqualTo(Status.WARN);
        assertThat(warn.summary()).endsWith("more than 1h");
        assertThat(fail.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void everyLifetimeIsJudged() {
        Result result = check().with("ACCESS_TOKEN_EXPIRE_MINUTES", "15").with("JWT_EXPIRES_IN", "60d").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(EnvCheck.list(result, "lifetimes")).containsExactly("ACCESS_TOKEN_EXPIRE_MINUTES: 15m", "JWT_EXPIRES_IN: 60d");
    }
}
