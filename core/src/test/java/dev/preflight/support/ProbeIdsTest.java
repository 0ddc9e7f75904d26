package dev.preflight.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeIdsTest {

    @Test
    void globsMatchAcrossDotsAndLiteralsMatchExactly() {
        assertThat(ProbeIds.matches("tls.*", "tls.certificate")).isTrue();
        assertThat(ProbeIds.matches("*.hsts", "http.hsts")).isTrue();
        assertThat(ProbeIds.matches("*", "env.debug")).isTrue();
        assertThat(ProbeIds.matches("http.hsts", "http.hsts")).isTrue();
        assertThat(ProbeIds.matches("http.hsts", "http.hsts-preload")).isFalse();
        assertThat(ProbeIds.matches("tls.*", "http.tls")).isFalse();
        assertThat(ProbeIds.matches("env.(debug)", "env.(debug)")).isTrue();
    }

    @Test
    void suggestsOnlyCloseIds() {
        List<String> ids = List.of("env.debug", "env.secrets", "http.hsts");

        assertThat(ProbeIds.closest("env.secret", ids)).hasValue("env.secrets");
        assertThat(ProbeIds.closest("http.htst", ids)).hasValue("http.hsts");
        assertThat(ProbeIds.closest("redis.auth", ids)).isEmpty();
    }

    @Test
    void secretNamesAreRecognisedButSettingsAboutThemAreNot() {
        assertThat(SecretNames.isSecret("STRIPE_SECRET_KEY")).isTrue();
        assertThat(SecretNames.isSecret("EMAIL_HOST_PASSWORD")).isTrue();
        assertThat(SecretNames.isSecret("GITHUB_TOKEN")).isTrue();
        assertThat(SecretNames.isSecret("secret-key")).isTrue();
        assertThat(SecretNames.isSecret("ACCESS_TOKEN_EXPIRE_MINUTES")).isFalse();
        assertThat(SecretNames.isSecret("RAZORPAY_KEY_ID")).isFalse();
        assertThat(SecretNames.isSecret("DEBUG")).isFalse();
        assertThat(SecretNames.isSecret("NEXTAUTH_URL")).isFalse();
        assertThat(SecretNames.isSecret("NEXTAUTH_SECRET")).isTrue();
        assertThat(SecretNames.isSecret("JWT_PRIVATE_KEY_PATH")).isFalse();
        assertThat(SecretNames.isSecret("SSL_KEY_FILE")).isFalse();
    }
}
