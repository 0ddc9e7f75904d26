package dev.preflight.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.internal.DefaultProbeContext;
import dev.preflight.internal.SharedValues;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Probe;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.Redactor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Plants secrets in every place the probes read and checks that no result text carries one, more
 * strictly than {@link EnvProbesContractTest} does (which also checks every report format): the
 * context's redactor knows nothing here, both stages run, and every secret contains the marker
 * {@code Cnry} away from its last four characters, which {@link Redactor#mask} may show, so that a
 * part of a secret counts as a leak too.
 */
class SecretLeakTest {
    private static final String MARKER = "Cnry";
    private static final Map<String, String> SECRETS = new LinkedHashMap<>();
    @TempDir
    static Path files;
    /** Non-secret settings, so that every probe has something to judge. */
    private static final Map<String, String> PLAIN = new LinkedHashMap<>();

    static {
        SECRETS.put("SECRET_KEY", "Cnry7wQz");
        SECRETS.put("JWT_SECRET", "jwtCnry3f9c1a7e5b2d48c6a0e9f7b1d3c5a8e2f4b6d8a0c2e4f6a8");
        SECRETS.put("SESSION_SECRET", "CnryCnryCnryCnryCnryCnryCnryCnry1234");
        SECRETS.put("APP_KEY", "base64:Q25yeUNucnlDbnJ5");
        SECRETS.put("EMAIL_HOST_PASSWORD", "mailCnryPw77xx");
        SECRETS.put("API_KEY", "your-Cnry-api-key-here");
        SECRETS.put("STRIPE_SECRET_KEY", "sk_test_51CnryStripeKey0123456789abcd");
        SECRETS.put("NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY", "pk_live_51CnryPublishable0123456789abcd");
        SECRETS.put("NEXT_PUBLIC_STRIPE_SECRET", "sk_live_51CnryBrowserLeak0123456789abcd");
        SECRETS.put("VITE_RAZORPAY_KEY_SECRET", "rzpCnrySecret0123456789ab");
        SECRETS.put("RAZORPAY_KEY_ID", "rzp_live_CnryKeyId01234");
        SECRETS.put("SENTRY_DSN", "https://CnrySentryKey0123456789abcdef@o1.ingest.sentry.io/not-a-number");
        SECRETS.put("NEXT_PUBLIC_SENTRY_DSN", "https://CnryPublicKey0123456789abcd@o1.ingest.sentry.io/42");
        SECRETS.put("ROLLBAR_ACCESS_TOKEN", "rollbarCnry0123456789abcd");
        SECRETS.put("DATABASE_URL", "postgresql://shop:dbCnryPw9x01@db.example.com:5432/shop?sslmode=prefer");
        SECRETS.put("POSTGRES_URL", "postgresql://shop:pg/Cnry@pw01@db.example.com/shop");
        SECRETS.put("POSTGRESQL_URL", "postgresql://shop:pgCnryPort01@db.example.com:bad/shop");
        SECRETS.put("REDIS_URL", "redis://:redisCnryPw0123@cache.example.com:6379/0");
        SECRETS.put("CACHE_URL", "rediss://cache.example.com:6380/0?password=queryCnryPw0123&ssl_cert_reqs=none");
        SECRETS.put("CELERY_BROKER_URL", "redis://user:celery/Cnry@pw01@broker.example.com");
        SECRETS.put("API_URL", "http://apiuser:apiCnryPw0123@api.example.com/v1");
        SECRETS.put("FRONTEND_URL", "https://frontCnryPw0123@localhost:3000");
        SECRETS.put("CORS_ALLOWED_ORIGINS", "https://shop.example.com/,http://cors:corsCnryPw01@evil.example.com");
        SECRETS.put("NEXT_PUBLIC_WS_URL", "wss://wsuser:wsCnryPw0123@localhost:3001/socket?token=wsCnryToken01");
        SECRETS.put("NEXT_PUBLIC_POSTHOG_KEY", "phx_CnryPersonalKey0123456789");
        SECRETS.put("CSRF_TRUSTED_ORIGINS", "csrf:csrfCnryPw01@shop.example.com,https://u:csrfCnryPw02@x.example.com/p");
        PLAIN.put("ALLOWED_HOSTS", "*");
        PLAIN.put("DEBUG", "true");
        PLAIN.put("NODE_ENV", "development");
        PLAIN.put("SENTRY_ENVIRONMENT", "qa");
        PLAIN.put("JWT_EXPIRES_IN", "90d");
        PLAIN.put("BCRYPT_ROUNDS", "8");
        PLAIN.put("LOG_LEVEL", "trace");
        PLAIN.put("GA_MEASUREMENT_ID", "G-XXXXXXXXXX");
    }

    private static List<Probe> probes() {
        return StreamSupport.stream(ServiceLoader.load(Probe.class).spliterator(), false)
                .filter(p -> p.getClass().getPackageName().equals("dev.preflight.env")).collect(Collectors.toList());
    }

    private static Target target(String stage) {
        Map<String, String> sample = Map.of("EMAIL_HOST_PASSWORD", SECRETS.get("EMAIL_HOST_PASSWORD"),
                "WEBHOOK_SECRET", "sampleCnry0123");
        // The file probes read the file on disk, a development copy of its secrets and a key file.
        Map<String, String> all = new LinkedHashMap<>(SECRETS);
        all.putAll(PLAIN);
        Path source = ContractEnvFile.write(files, all, "keyCnryPlanted0123456789");
        return Target.builder(".env.production", TargetKind.ENV).variables(all).sampleVariables(sample)
                .attribute("environment", stage).attribute("source", source.toString()).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"production", "staging"})
    void noProbeResultCarriesASecret(String stage) throws Exception {
        List<Probe> probes = probes();
        assertThat(probes).hasSize(new EnvProbesContractTest().probes().size());
        for (Probe probe : probes) {
            DefaultProbeContext context = new DefaultProbeContext(probe.id(), target(stage), Instant.now().plusSeconds(10),
                    Clock.systemUTC(), Redactor.none(), NetworkSettings.system(), false, resource -> { }, new SharedValues(),
                    SharedValues.Waiter.NONE);

            Result result = probe.check(context);

            assertThat(result.status()).as(probe.id()).isNotIn(Status.ERROR, Status.SKIP);
            assertNoSecretIn(probe.id(), texts(result));
        }
    }

    private static void assertNoSecretIn(String probeId, List<String> texts) {
        for (String text : texts) {
            assertThat(text).as(probeId).doesNotContain(MARKER);
            SECRETS.values().forEach(secret -> assertThat(text).as(probeId).doesNotContain(secret));
        }
    }

    private static List<String> texts(Result result) {
        List<String> texts = new ArrayList<>();
        texts.add(result.summary());
        result.remediation().ifPresent(texts::add);
        result.subject().ifPresent(texts::add);
        result.details().forEach((key, value) -> {
            texts.add(key);
            if (value instanceof List) {
                ((List<?>) value).forEach(v -> texts.add(String.valueOf(v)));
            } else {
                texts.add(String.valueOf(value));
            }
        });
        return texts;
    }
}
