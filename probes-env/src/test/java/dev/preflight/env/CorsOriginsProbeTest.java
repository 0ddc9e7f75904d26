package dev.preflight.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorsOriginsProbeTest {

    private static EnvCheck check() {
        return EnvCheck.of(new CorsOriginsProbe());
    }

    @Test
    void namedHttpsOriginsPass() {
        Result result = check().with("CORS_ALLOWED_ORIGINS", "https://shop.acme.io,https://admin.acme.io:8443")
                .with("CSRF_TRUSTED_ORIGINS", "https://shop.acme.io https://*.acme.io")
                .with("CORS_ALLOW_ALL_ORIGINS", "False").result();

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(EnvCheck.list(result, "checked"))
                .containsExactly("CORS_ALLOW_ALL_ORIGINS", "CORS_ALLOWED_ORIGINS", "CSRF_TRUSTED_ORIGINS");
    }

    @Test
    void wildcardOriginFails() {
        Result result = check().with("CORS_ORIGINS", "*").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("CORS_ORIGINS allows any origin (*)");
        assertThat(result.remediation()).hasValue(
                "List only the front end's https:// origins in CORS_ORIGINS in .env.production, e.g. https://shop.example.com.");
    }

    @Test
    void nullOriginFails() {
        Result result = check().with("CORS_ORIGIN", "null").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).contains("null origin");
    }

    @Test
    void plaintextOriginFailsUnlessLoopback() {
        Result remote = check().with("CORS_ALLOW_ORIGINS", "https://shop.acme.io,http://shop.acme.io").result();
        Result local = check().with("CORS_ALLOW_ORIGINS", "http://localhost:3000,http://127.0.0.1:5173").result();

        assertThat(remote.status()).isEqualTo(Status.FAIL);
        assertThat(remote.summary()).isEqualTo("CORS_ALLOW_ORIGINS allows the plaintext origin 'http://shop.acme.io'");
        assertThat(local.status()).isEqualTo(Status.PASS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "1", "yes"})
    void allowAllFlagFails(String value) {
        Result result = check().with("CORS_ORIGIN_ALLOW_ALL", value).result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("CORS_ORIGIN_ALLOW_ALL allows every origin");
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r).startsWith("Set CORS_ORIGIN_ALLOW_ALL=false"));
    }

    @Test
    void unreadableAllowAllFlagFails() {
        assertThat(check().with("CORS_ALLOW_ALL_ORIGINS", "sometimes").result().summary())
                .isEqualTo("CORS_ALLOW_ALL_ORIGINS is 'sometimes', neither on nor off");
    }

    @Test
    void plaintextCsrfOriginFails() {
        Result result = check().with("CSRF_TRUSTED_ORIGINS", "http://shop.acme.io").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("CSRF_TRUSTED_ORIGINS trusts the plaintext origin 'http://shop.acme.io'");
    }

    @Test
    void csrfOriginWithoutSchemeFails() {
        Result result = check().with("CSRF_TRUSTED_ORIGINS", "shop.acme.io").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("CSRF_TRUSTED_ORIGINS entry 1 is not an origin (expected scheme://host[:port])");
    }

    @Test
    void wholeHostWildcardFails() {
        assertThat(check().with("CSRF_TRUSTED_ORIGINS", "https://*").result().status()).isEqualTo(Status.FAIL);
    }

    @Test
    void originWithTrailingSlashWarns() {
        Result result = check().with("CORS_ALLOWED_ORIGINS", "https://shop.acme.io/").result();

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).contains("trailing slash");
    }

    @Test
    void noOriginSettingIsSkipped() {
        Result result = check().with("ALLOWED_HOSTS", "*").result();

        assertThat(result.status()).isEqualTo(Status.SKIP);
        assertThat(result.summary()).contains("CORS_ALLOWED_ORIGINS", "CORS_ALLOW_ALL_ORIGINS", "CSRF_TRUSTED_ORIGINS");
    }
}
