package dev.preflight.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BrowserExposedSecretsProbeTest {

    private static EnvCheck check() {
        return EnvCheck.of(new BrowserExposedSecretsProbe());
    }

    @Test
    void keysThatArePublicByDesignPass() {
        Result result = check().with("NEXT_PUBLIC_API_URL", "https://api.shop.acme.io")
                .with("NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY", PaymentLiveKeysProbeTest.PK_LIVE)
                .with("NEXT_PUBLIC_SENTRY_DSN", "https://4f1e2d3c@o1.ingest.sentry.io/2")
                .with("VITE_SUPABASE_ANON_KEY", "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.abc")
                .with("NEXT_PUBLIC_FIREBASE_API_KEY", "AIzaSyA-example-key-123")
                .with("NEXT_PUBLIC_RAZORPAY_KEY_ID", "rzp_live_AbCdEfGhIjKlMn")
                .with("PUBLIC_RECAPTCHA_SITE_KEY", "6LcExample").result();

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.summary()).isEqualTo("7 browser-exposed variables, none holds a secret");
    }

    @Test
    void stripeSecretKeyInABrowserVariableFails() {
        Result result = check().with("NEXT_PUBLIC_STRIPE_KEY", PaymentLiveKeysProbeTest.SK_LIVE).result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo(
                "NEXT_PUBLIC_STRIPE_KEY is exposed to browsers and holds a Stripe live secret key (sk_live_…)");
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r)
                .startsWith("Move NEXT_PUBLIC_STRIPE_KEY to server-only variables").contains("Rotate"));
    }

    @Test
    void secretShapedValueFailsWhateverTheName() {
        Result webhook = check().with("VITE_CONFIG", "whsec_7d2f9a1c4e6b8d0f2a4c6e8b").result();
        Result privateKey = check().with("GATSBY_CERT", "-----BEGIN PRIVATE KEY-----\nMIIEvQ\n-----END PRIVATE KEY-----")
                .result();

        assertThat(webhook.status()).isEqualTo(Status.FAIL);
        assertThat(webhook.summary()).contains("Stripe webhook signing secret");
        assertThat(privateKey.status()).isEqualTo(Status.FAIL);
        assertThat(privateKey.summary()).contains("a PEM private key");
    }

    @Test
    void urlWithAPasswordFails() {
        Result result = check().with("NEXT_PUBLIC_DATABASE_URL", "postgresql://shop:Qv8s2LmW@db.acme.io/shop")
                .with("NEXT_PUBLIC_API_URL", "https://api.acme.io").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("NEXT_PUBLIC_DATABASE_URL is exposed to browsers and holds a URL with a password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NEXT_PUBLIC_", "VITE_", "REACT_APP_", "NUXT_PUBLIC_", "EXPO_PUBLIC_", "PUBLIC_", "GATSBY_",
        "VUE_APP_"})
    void secretNameBehindEveryBrowserPrefixFails(String prefix) {
        Result result = check().with(prefix + "RAZORPAY_KEY_SECRET", "Zt5nQ8wLx2Vr7KpMq8Vx2LmW").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo(prefix + "RAZORPAY_KEY_SECRET is exposed to browsers and its name marks it"
                + " as a secret");
    }

    @Test
    void everyLeakIsListed() {
        Result result = check().with("REACT_APP_JWT_SECRET", "abc123def456").with("REACT_APP_TITLE", "Shop")
                .with("VITE_OPENAI_KEY", "sk-proj-AbCdEfGhIjKlMnOpQrStUvWx").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(EnvCheck.list(result, "failures")).hasSize(2);
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r).contains("REACT_APP_JWT_SECRET, VITE_OPENAI_KEY"));
    }

    @Test
    void emptySecretNamedVariableExposesNothing() {
        assertThat(check().with("NEXT_PUBLIC_API_SECRET", "").result().status()).isEqualTo(Status.PASS);
    }

    @Test
    void serverSideSecretsAreSkipped() {
        Result result = check().with("STRIPE_SECRET_KEY", PaymentLiveKeysProbeTest.SK_LIVE).result();

        assertThat(result.status()).isEqualTo(Status.SKIP);
        assertThat(result.summary()).contains("NEXT_PUBLIC_", "VITE_");
    }
}
