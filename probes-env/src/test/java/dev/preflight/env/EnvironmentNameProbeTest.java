package dev.preflight.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentNameProbeTest {

    private static EnvCheck check() {
        return EnvCheck.of(new EnvironmentNameProbe());
    }

    @Test
    void productionNamesPassInAnyCase() {
        Result result = check().with("NODE_ENV", "production").with("ASPNETCORE_ENVIRONMENT", "Production")
                .with("MIX_ENV", "prod").with("APP_ENV", "PROD").result();

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.summary()).contains("NODE_ENV", "ASPNETCORE_ENVIRONMENT", "MIX_ENV", "APP_ENV");
    }

    @Test
    void developmentFailsInProduction() {
        Result result = check().with("NODE_ENV", "development").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("NODE_ENV is 'development', not production");
        assertThat(result.remediation()).hasValue("Set NODE_ENV=production in .env.production.");
    }

    @Test
    void emptyValueFails() {
        Result result = check().with("RAILS_ENV", "").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("RAILS_ENV is empty, not production");
    }

    @Test
    void everyOffenderIsListed() {
        Result result = check().with("NODE_ENV", "production").with("FLASK_ENV", "development").with("RACK_ENV", "test")
                .result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).contains("FLASK_ENV", "RACK_ENV").doesNotContain("NODE_ENV");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "aws,prod", "production, eu", "prod-eu"})
    void springProfileContainingProdPasses(String profiles) {
        assertThat(check().with("SPRING_PROFILES_ACTIVE", profiles).result().status()).isEqualTo(Status.PASS);
    }

    @Test
    void springProfilesWithoutProdFail() {
        Result result = check().with("SPRING_PROFILES_ACTIVE", "dev,aws").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.remediation()).hasValue("Activate the prod profile: SPRING_PROFILES_ACTIVE=prod in .env.production.");
    }

    @Test
    void stagingAcceptsItsOwnNameOrProduction() {
        Result result = check().stage("staging").with("APP_ENV", "staging").with("NODE_ENV", "production").result();

        assertThat(result.status()).isEqualTo(Status.PASS);
    }

    @Test
    void developmentOnlyWarnsInStaging() {
        Result result = check().stage("staging").with("APP_ENV", "development").result();

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).isEqualTo("APP_ENV is 'development' in staging");
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r).startsWith("Set APP_ENV=staging in"));
    }

    @Test
    void noEnvironmentNameIsSkipped() {
        Result result = check().with("DEBUG", "false").result();

        assertThat(result.status()).isEqualTo(Status.SKIP);
        assertThat(result.summary()).contains("NODE_ENV", "SPRING_PROFILES_ACTIVE");
    }
}
