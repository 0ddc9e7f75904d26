package dev.preflight.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpsUrlsProbeTest {

    private static EnvCheck check() {
        return EnvCheck.of(new HttpsUrlsProbe());
    }

    @Test
    void httpsUrlsPass() {
        Result result = check().with("FRONTEND_URL", "https://shop.acme.io")
                .with("NEXTAUTH_URL", "https://shop.acme.io/api/auth").with("API_URL", "https://api.acme.io:8443/v1")
                .result();

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(EnvCheck.list(result, "urls")).contains("API_URL: https://api.acme.io:8443");
    }

    @Test
    void plaintextUrlFails() {
        Result result = check().with("BACKEND_URL", "http://api.shop.acme.io").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("BACKEND_URL uses http://");
        assertThat(result.remediation()).hasValue("Serve api.shop.acme.io over HTTPS and set"
                + " BACKEND_URL=https://api.shop.acme.io in .env.production.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:3000", "https://127.0.0.1:8000", "http://[::1]:8080", "http://app.localhost"})
    void loopbackFailsInProduction(String url) {
        Result result = check().with("SITE_URL", url).result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).startsWith("SITE_URL points at localhost");
    }

    @Test
    void loopbackPassesOutsideProduction() {
        Result result = check().stage("development").with("APP_URL", "http://localhost:3000").result();

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.summary()).contains("APP_URL points at loopback in development");
    }

    @Test
    void plaintextFailsOutsideProductionToo() {
        assertThat(check().stage("staging").with("APP_URL", "http://staging.acme.io").result().status())
                .isEqualTo(Status.FAIL);
    }

    @Test
    void malformedUrlFailsWithReason() {
        Result noScheme = check().with("BASE_URL", "shop.acme.io").result();
        Result badPort = check().with("BASE_URL", "https://shop.acme.io:https").result();
        Result empty = check().with("BASE_URL", "").result();

        assertThat(noScheme.summary()).isEqualTo("BASE_URL is not a URL (expected scheme://host…)");
        assertThat(badPort.summary()).isEqualTo("BASE_URL has an invalid port");
        assertThat(empty.summary()).isEqualTo("BASE_URL is empty");
        assertThat(empty.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void nonWebSchemeFails() {
        assertThat(check().with("PUBLIC_URL", "ftp://files.acme.io").result().summary())
                .isEqualTo("PUBLIC_URL is a ftp:// URL, not https://");
    }

    @Test
    void pathOnlyValueInheritsThePagesScheme() {
        Result result = check().with("NEXT_PUBLIC_API_URL", "/api").result();

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.summary()).contains("is a path");
    }

    @Test
    void noPublicUrlIsSkipped() {
        Result result = check().with("DATABASE_URL", "postgresql://localhost/app").result();

        assertThat(result.status()).isEqualTo(Status.SKIP);
        assertThat(result.summary()).contains("FRONTEND_URL", "NEXTAUTH_URL", "REACT_APP_API_URL");
    }
}
