package dev.preflight.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretValuesProbeTest {
    private static final String REAL = "q8Vx2LmW9tZr4KpN7sYb3DfH6jGc1AeU";

    private static EnvCheck check() {
        return EnvCheck.of(new SecretValuesProbe());
    }

    @Test
    void realSecretsPass() {
        Result result = check().with("SECRET_KEY", REAL).with("EMAIL_HOST_PASSWORD", "Zt5nQ8wLx2Vr7KpM")
                .with("GITHUB_TOKEN", "ghp_7d2f9a1c4e6b8d0f2a4c6e8b0d2f4a6c").with("DEBUG", "false").result();

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.summary()).startsWith("3 secrets set");
        assertThat(EnvCheck.list(result, "checked")).containsExactly("SECRET_KEY", "EMAIL_HOST_PASSWORD", "GITHUB_TOKEN");
    }

    @Test
    void emptySecretFails() {
        Result result = check().with("JWT_SECRET", "").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("JWT_SECRET is empty");
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r)
                .startsWith("Set JWT_SECRET in .env.production to a real secret").contains("openssl rand -hex 32"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"changeme", "CHANGE-ME", "change_me", "please-changeme-now", "your-api-key", "your_secret_here",
        "xxxxxxxx", "XXXX", "<generate-a-secret>", "{{ secret }}", "secret", "password", "todo", "replace-me", "example",
        "dummy", "test", "123456789", "sk_test_xxx", "whsec_xxx", "sk_live_...", "api_key_",
        "django-insecure-k3j4h5g6f7d8s9a0p1o2i3u4y5t6r7e8w9q0"})
    void placeholderSecretsFail(String placeholder) {
        Result result = check().with("API_KEY", placeholder).result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).startsWith("API_KEY ");
    }

    @Test
    void placeholderReasonNamesThePattern() {
        assertThat(check().with("SECRET_KEY", "changeme").result().summary())
                .isEqualTo("SECRET_KEY is a placeholder word");
        assertThat(check().with("SECRET_KEY", "your-secret-key").result().summary())
                .isEqualTo("SECRET_KEY starts with 'your-', a template placeholder");
        assertThat(check().with("STRIPE_WEBHOOK_SECRET", "whsec_xxx").result().summary())
                .isEqualTo("STRIPE_WEBHOOK_SECRET is a key prefix with no real key after it (…_xxx), a template");
    }

    @Test
    void valueCopiedFromTheSampleFails() {
        Result result = check().with("JWT_SECRET", REAL).sample("JWT_SECRET", REAL).result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("JWT_SECRET has the same value as in the sample file");
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r).contains("committed", "JWT_SECRET"));
    }

    @Test
    void emptySampleValueIsNotACopy() {
        assertThat(check().with("JWT_SECRET", REAL).sample("JWT_SECRET", "").result().status()).isEqualTo(Status.PASS);
    }

    @Test
    void secretListedInTheSampleButMissingFails() {
        Result result = check().with("SECRET_KEY", REAL).sample("SECRET_KEY", "").sample("STRIPE_WEBHOOK_SECRET", "whsec_xxx")
                .result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("STRIPE_WEBHOOK_SECRET is missing (the sample file lists it)");
        assertThat(result.remediation()).hasValue("Add STRIPE_WEBHOOK_SECRET to .env.production with real values.");
    }

    @Test
    void secretNamedUrlIsPresentEvenThoughItIsNotJudgedHere() {
        Result result = check().with("AUTH_URL", "https://shop.acme.io/api/auth").with("SECRET_KEY", REAL)
                .sample("AUTH_URL", "").result();

        assertThat(result.status()).isEqualTo(Status.PASS);
    }

    @Test
    void allOffendersAreListedInOneResult() {
        Result result = check().with("SECRET_KEY", "changeme").with("DB_PASSWORD", "").with("JWT_SECRET", REAL)
                .with("AWS_SECRET_ACCESS_KEY", REAL + "x").sample("JWT_SECRET", REAL).result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(EnvCheck.list(result, "failures")).containsExactly("SECRET_KEY: is a placeholder word",
                "DB_PASSWORD: is empty", "JWT_SECRET: has the same value as in the sample file");
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r).contains("SECRET_KEY, DB_PASSWORD"));
        assertThat(result.subject()).isEmpty();
    }

    @Test
    void dsnsAndPublishableKeysAreLeftToOtherProbes() {
        Result result = check().with("SENTRY_DSN", "https://changeme@o1.ingest.sentry.io/1")
                .with("NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY", "pk_test_xxx").result();

        assertThat(result.status()).isEqualTo(Status.SKIP);
    }

    @Test
    void settingsAboutSecretsAreNotSecrets() {
        Result result = check().with("ACCESS_TOKEN_EXPIRE_MINUTES", "15").with("JWT_ALGORITHM", "HS256")
                .with("RAZORPAY_KEY_ID", "rzp_test_xxx").result();

        assertThat(result.status()).isEqualTo(Status.SKIP);
        assertThat(result.summary()).contains("SECRET", "PASSWORD", "TOKEN");
    }
}
