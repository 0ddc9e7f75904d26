package dev.preflight.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedHostsProbeTest {

    private static EnvCheck check() {
        return EnvCheck.of(new AllowedHostsProbe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop.acme.io,api.shop.acme.io", "shop.acme.io api.shop.acme.io",
        "[\"shop.acme.io\", \"api.shop.acme.io\"]", ".acme.io"})
    void explicitHostsPass(String value) {
        assertThat(check().with("ALLOWED_HOSTS", value).result().status()).isEqualTo(Status.PASS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "shop.acme.io,*", "['*']", " * "})
    void wildcardFails(String value) {
        Result result = check().with("DJANGO_ALLOWED_HOSTS", value).result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("DJANGO_ALLOWED_HOSTS allows any host (*)");
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r)
                .startsWith("Replace * in DJANGO_ALLOWED_HOSTS in .env.production").contains(".example.com"));
    }

    @Test
    void starDotSubdomainPatternWarnsBecauseDjangoMatchesItLiterally() {
        Result result = check().with("ALLOWED_HOSTS", "*.acme.io").result();

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r).startsWith("Write .acme.io (leading dot)"));
    }

    @Test
    void emptyListWarns() {
        Result result = check().with("ALLOWED_HOSTS", "").result();

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).contains("rejects every request");
    }

    @Test
    void noAllowListIsSkipped() {
        Result result = check().with("DEBUG", "false").result();

        assertThat(result.status()).isEqualTo(Status.SKIP);
        assertThat(result.summary()).contains("ALLOWED_HOSTS", "DJANGO_ALLOWED_HOSTS");
    }
}
