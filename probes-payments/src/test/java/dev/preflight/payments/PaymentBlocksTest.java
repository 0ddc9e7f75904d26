package dev.preflight.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import dev.preflight.ConfigException;
import dev.preflight.config.ConfigLoader;
import dev.preflight.config.PreflightConfig;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code stripe:} and {@code razorpay:} blocks of {@code preflight.yml}, read by this module's
 * readers through the real configuration loader, which finds them on the class path.
 */
class PaymentBlocksTest {
    private static final String PLANTED_KEY = "sk_live_PLANTEDabcdef0123456789";
    private static final String PLANTED_TOKEN = "planted-api-token-7d1e";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private PreflightConfig load(String yaml, Map<String, String> environment) throws IOException {
        return ConfigLoader.builder().environment(environment).build().loadYaml(write("preflight.yml", yaml));
    }

    private ConfigException problem(String yaml) throws IOException {
        return problem(yaml, Map.of());
    }

    private ConfigException problem(String yaml, Map<String, String> environment) throws IOException {
        Path file = write("preflight.yml", yaml);
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ConfigLoader.builder().environment(environment).build().loadYaml(file));
        assertThat(e).as("a ConfigException").isNotNull();
        assertThat(e.file()).contains(file.toString());
        return e;
    }

    @Test
    void stripeBlockKeysBecomeSecretsAndAttributes() throws IOException {
        Target payments = load("""
                targets:
                  payments:
                    stripe:
                      secret-key: ${STRIPE_SECRET_KEY}
                      publishable-key: pk_live_abcdefghijklmnop
                      webhook-secret: whsec_abcdefghijklmnop
                      webhook-url: https://shop.example.com/webhooks/stripe
                      api-base: https://api.stripe.com
                      required-events: [checkout.session.completed, invoice.paid]
                    timeout: 7s
                """, Map.of("STRIPE_SECRET_KEY", "sk_live_abcdefghijklmnop")).targets().get(0);

        assertThat(payments.kind()).isEqualTo(TargetKind.STRIPE);
        assertThat(payments.name()).isEqualTo("payments");
        assertThat(payments.location()).isEqualTo("stripe account");
        assertThat(payments.secrets()).containsOnlyKeys("secret-key", "publishable-key", "webhook-secret");
        assertThat(payments.secret("secret-key")).contains(Secret.of("sk_live_abcdefghijklmnop"));
        assertThat(payments.attributes()).contains(entry("webhook-url", "https://shop.example.com/webhooks/stripe"),
                entry("api-base", "https://api.stripe.com"),
                entry("required-events", "checkout.session.completed,invoice.paid"),
                entry("environment", "production"));
        assertThat(payments.timeout()).hasValueSatisfying(t -> assertThat(t).hasSeconds(7));
    }

    @Test
    void razorpayBlockKeysBecomeSecretsAndAttributes() throws IOException {
        PreflightConfig config = load("""
                targets:
                  rzp:
                    razorpay:
                      key-id: rzp_live_ABCDEFGH
                      key-secret: ${RAZORPAY_KEY_SECRET}
                      webhook-secret: rzp-webhook-secret-1234
                      webhook-url: https://shop.example.com/webhooks/razorpay
                """, Map.of("RAZORPAY_KEY_SECRET", "rzp-key-secret-5678"));
        Target rzp = config.targets().get(0);

        assertThat(rzp.kind()).isEqualTo(TargetKind.RAZORPAY);
        assertThat(rzp.location()).isEqualTo("razorpay account");
        assertThat(rzp.attribute("key-id")).contains("rzp_live_ABCDEFGH");
        assertThat(rzp.secrets()).containsOnlyKeys("key-secret", "webhook-secret");
        assertThat(config.secrets()).contains("rzp-key-secret-5678", "rzp-webhook-secret-1234")
                .doesNotContain("rzp_live_ABCDEFGH");
    }

    @Test
    void stripeBlockWithoutSecretKeyIsRejected() throws IOException {
        ConfigException e = problem("targets:\n  pay:\n    stripe: { webhook-secret: whsec_x }\n");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.key()).contains("targets.pay.stripe.secret-key");
        assertThat(e.problem()).isEqualTo("a stripe block needs secret-key, e.g. secret-key: ${STRIPE_SECRET_KEY}");
    }

    @Test
    void razorpayBlockWithoutKeyIdIsRejected() throws IOException {
        ConfigException e = problem("targets:\n  rzp:\n    razorpay:\n      key-secret: x-secret-1234\n");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.key()).contains("targets.rzp.razorpay.key-id");
        assertThat(e.problem()).startsWith("a razorpay block needs key-id");
    }

    @Test
    void unknownKeyInAStripeBlockSuggestsTheClosest() throws IOException {
        ConfigException e = problem("targets:\n  pay:\n    stripe: { secret-key: sk_test_x, webhook_secret: whsec_x }\n");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.key()).contains("targets.pay.stripe.webhook_secret");
        assertThat(e.problem()).isEqualTo("unknown key 'webhook_secret'; did you mean 'webhook-secret'?");
    }

    @Test
    void webhookUrlMustBeAWebUrl() throws IOException {
        ConfigException e = problem("targets:\n  pay:\n    stripe: { secret-key: sk_test_x, webhook-url: /webhooks }\n");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.key()).contains("targets.pay.stripe.webhook-url");
        assertThat(e.problem()).isEqualTo("'/webhooks' is not an https:// URL; write it in full, e.g."
                + " https://shop.example.com/webhooks/payments");
    }

    @Test
    void misspeltBlockKeySuggestsStripe() throws IOException {
        ConfigException e = problem("targets:\n  pay:\n    strip: { secret-key: sk_test_x }\n");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.problem()).isEqualTo("unknown key 'strip'; did you mean 'stripe'?");
    }

    @Test
    void targetWithoutKindNamesThePaymentBlocksToo() throws IOException {
        ConfigException e = problem("targets:\n  shop:\n    timeout: 5s\n");

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.problem()).contains("needs one of url, domain, stripe, razorpay, env-file");
    }

    @Test
    void yamlStripeTargetReplacesTheOneDerivedFromTheEnvFile() throws IOException {
        Path env = write(".env", "STRIPE_SECRET_KEY=sk_live_abcdefghijklmnop\n");
        Path yaml = write("preflight.yml", "targets:\n  payments: { stripe: { secret-key: \"${STRIPE_SECRET_KEY}\" } }\n");

        PreflightConfig config = ConfigLoader.builder().environment(Map.of()).build().load(yaml, env);

        assertThat(config.targets()).extracting(Target::name).containsExactly("payments", ".env");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "targets:\n  pay: { stripe: { secret-key: \"${STRIPE_SECRET_KEY}\", webhook-url: \"${STRIPE_SECRET_KEY}\" } }\n",
        "targets:\n  pay: { stripe: { secret-key: sk_test_x, api-base: \"https://u:${API_TOKEN}@api stripe.com\" } }\n",
        "targets:\n  pay: { razorpay: { key-id: x, key-secret: \"${STRIPE_SECRET_KEY}\", api-base: \"${STRIPE_SECRET_KEY}\" } }\n",
    })
    void blockProblemsNeverRepeatASecret(String yaml) throws IOException {
        ConfigException e = problem(yaml, Map.of("STRIPE_SECRET_KEY", PLANTED_KEY, "API_TOKEN", PLANTED_TOKEN));

        assertThat(e.getMessage()).doesNotContain(PLANTED_KEY).doesNotContain(PLANTED_TOKEN);
    }
}
