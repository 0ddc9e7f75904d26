package dev.preflight.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Probe;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeContractTest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every environment probe keeps the probe contract, against one file that plants secrets in each
 * place the probes read: key and password variables, URL passwords, DSN keys, browser-exposed
 * variables and the sample file. The list is explicit, so that the contract also proves each probe
 * is registered, and that no registered probe is missing here.
 */
class EnvProbesContractTest extends ProbeContractTest {
    /** Where the target's file lives, for the probes that read the file on disk. */
    @TempDir
    static Path files;

    @Override
    protected List<Probe> probes() {
        return List.of(new AllowedHostsProbe(), new BrowserExposedSecretsProbe(), new CorsOriginsProbe(),
                new DatabaseTlsProbe(), new DebugFlagProbe(), new EnvironmentNameProbe(), new ErrorTrackingProbe(),
                new HttpsUrlsProbe(), new PaymentKeyPairingProbe(), new PaymentLiveKeysProbe(), new RedisAuthProbe(),
                new SecretStrengthProbe(), new SecretValuesProbe(), new TemplateValuesProbe(), new TokenLifetimeProbe(),
                new WebSocketUrlsProbe(), new PasswordHashingProbe(), new LogLevelProbe(), new AnalyticsIdsProbe(),
                new DevelopmentCopyProbe(), new FilePermissionsProbe(), new KeyFilesProbe(), new UntrackedFileProbe());
    }

    @Override
    protected Target targetFor(Probe probe, ContractTargets targets) {
        String key = targets.plantedApiKey();
        String password = targets.plantedPassword();
        String token = targets.plantedToken();
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("STRIPE_SECRET_KEY", key);
        variables.put("NEXT_PUBLIC_STRIPE_SECRET", key);
        variables.put("NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY", "pk_test_51PublishableKey0123456789abcd");
        variables.put("STRIPE_WEBHOOK_SECRET", targets.plantedWebhookSecret());
        variables.put("SECRET_KEY", token);
        variables.put("JWT_SECRET", token.substring(0, 16));
        variables.put("EMAIL_HOST_PASSWORD", password);
        variables.put("DATABASE_URL", "postgresql://shop:" + password + "@db.example.com:5432/shop?sslmode=prefer");
        variables.put("REDIS_URL", "redis://:" + password + "@cache.example.com:6379/0");
        variables.put("CACHE_URL", "rediss://cache.example.com:6380/0?password=" + password);
        variables.put("API_URL", "http://apiuser:" + password + "@api.example.com/v1");
        variables.put("CORS_ALLOWED_ORIGINS", "https://shop.example.com,http://cors:" + password + "@evil.example.com");
        variables.put("SENTRY_DSN", "https://" + token + "@o1.ingest.sentry.io/not-a-number");
        variables.put("ALLOWED_HOSTS", "*");
        variables.put("DEBUG", "true");
        variables.put("NODE_ENV", "development");
        variables.put("JWT_EXPIRES_IN", "90d");
        variables.put("BCRYPT_ROUNDS", "8");
        variables.put("NEXT_PUBLIC_WS_URL", "ws://socket:" + password + "@realtime.example.com/ws?token=" + token);
        variables.put("LOG_LEVEL", "debug");
        variables.put("NEXT_PUBLIC_POSTHOG_KEY", "phx_" + token);
        Path source = ContractEnvFile.write(files, variables, key);
        return Target.builder(".env.production", TargetKind.ENV).variables(variables)
                .attribute("source", source.toString())
                .sampleVariables(Map.of("EMAIL_HOST_PASSWORD", password, "WEBHOOK_SECRET", token)).build();
    }

    @Test
    void everyEnvironmentProbeIsOfflineAndReadOnly() {
        assertThat(probes()).allSatisfy(p -> {
            assertThat(p.targetKind()).as(p.id()).isEqualTo(TargetKind.ENV);
            assertThat(p.writes()).as(p.id()).isFalse();
            assertThat(p.id()).as("area").startsWith("env.");
        });
    }
}
