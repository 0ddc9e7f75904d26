package dev.preflight.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorTrackingProbeTest {
    private static final String KEY = "4f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final String DSN = "https://" + KEY + "@o123456.ingest.sentry.io/4505678901234567";

    private static EnvCheck check() {
        return EnvCheck.of(new ErrorTrackingProbe());
    }

    @Test
    void validDsnPassesShowingHostAndProjectButNotTheKey() {
        Result result = check().with("SENTRY_DSN", DSN).with("SENTRY_ENVIRONMENT", "production").result();

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(EnvCheck.list(result, "trackers"))
                .containsExactly("Sentry (SENTRY_DSN: o123456.ingest.sentry.io, project 4505678901234567)");
        assertThat(result.summary()).doesNotContain(KEY);
    }

    @Test
    void selfHostedDsnWithAPathPasses() {
        assertThat(check().with("SENTRY_DSN", "https://abc123@sentry.acme.io/errors/42").result().status())
                .isEqualTo(Status.PASS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://o1.ingest.sentry.io/42 | has no public key before the '@'",
        "https://abc@o1.ingest.sentry.io/shop | does not end in a numeric project id",
        "http://abc@o1.ingest.sentry.io/42 | uses http, so error reports travel unencrypted",
        "sentry.io/42 | is not a URL (expected scheme://host…)"})
    void malformedDsnFailsWithReason(String dsn, String reason) {
        Result result = check().with("NEXT_PUBLIC_SENTRY_DSN", dsn).result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("NEXT_PUBLIC_SENTRY_DSN is not a Sentry DSN: it " + reason);
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r).contains("Client Keys (DSN)"));
    }

    @Test
    void sentryEnvironmentOtherThanProductionWarns() {
        Result result = check().with("SENTRY_DSN", DSN).with("SENTRY_ENVIRONMENT", "staging").result();

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).isEqualTo("SENTRY_ENVIRONMENT is 'staging' in a production environment file");
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r)
                .startsWith("Set SENTRY_ENVIRONMENT=production in .env.production"));
    }

    @Test
    void stagingExpectsItsOwnSentryEnvironment() {
        Result result = check().stage("staging").with("SENTRY_DSN", DSN).with("SENTRY_ENVIRONMENT", "production").result();

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r).startsWith("Set SENTRY_ENVIRONMENT=staging"));
    }

    @Test
    void noTrackerWarnsInProduction() {
        Result result = check().with("DEBUG", "false").result();

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).isEqualTo("SENTRY_DSN is not set and no other error tracker is configured");
    }

    @Test
    void emptyDsnCountsAsUnset() {
        assertThat(check().with("SENTRY_DSN", "").result().status()).isEqualTo(Status.WARN);
    }

    @Test
    void noTrackerIsSkippedOutsideProduction() {
        Result result = check().stage("staging").with("SENTRY_DSN", "").result();

        assertThat(result.status()).isEqualTo(Status.SKIP);
        assertThat(result.summary()).contains("only production requires one");
    }

    @Test
    void anotherTrackerCounts() {
        Result result = check().with("ROLLBAR_ACCESS_TOKEN", "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6").result();

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.summary()).isEqualTo("errors are reported to Rollbar (ROLLBAR_ACCESS_TOKEN)");
    }
}
