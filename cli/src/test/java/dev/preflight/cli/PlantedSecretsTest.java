package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plants secrets in every place configuration can hold one and scans every output for them. */
class PlantedSecretsTest {
    private static final List<String> SECRETS = List.of(
            "Kx9vQ2mW7pLz4RtY8nB3cF6hJ1sD5gA0eUplanted",
            "sk_live_51PlantedSecretKeyAbCdEfGh4242",
            "whsec_PlantedWebhookSecretXyZ9876",
            "sk_live_51PlantedBrowserSecretQq1111",
            "PlantedDbPassw0rd",
            "PlantedRedisPassw0rd",
            "PlantedSmtpPassw0rd",
            "PlantedRazorpaySecret123",
            "plantedsentrykey0123456789abcdef",
            "sk_test_51PlantedYamlKeyZzYyXxWw0000",
            "PlantedFromEnvironment9876",
            "PlantedYamlDbPassw0rd");

    @TempDir
    Path dir;

    @Test
    void noPlantedSecretAppearsInAnyReportFormatOrMessage() throws IOException {
        Path env = Files.writeString(dir.resolve(".env.production"), String.join("\n",
                "DEBUG=true",
                "SECRET_KEY=" + SECRETS.get(0),
                "JWT_SECRET=short",
                "STRIPE_SECRET_KEY=" + SECRETS.get(1),
                "STRIPE_WEBHOOK_SECRET=" + SECRETS.get(2),
                "NEXT_PUBLIC_STRIPE_SECRET_KEY=" + SECRETS.get(3),
                "NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=pk_test_51PlantedPublishableAa",
                "DATABASE_URL=postgresql://shop:" + SECRETS.get(4) + "@db.planted.invalid:5432/shop",
                "REDIS_URL=redis://:" + SECRETS.get(5) + "@cache.planted.invalid:6379/0",
                "EMAIL_HOST=smtp.planted.invalid",
                "EMAIL_HOST_PASSWORD=" + SECRETS.get(6),
                "RAZORPAY_KEY_ID=rzp_live_PlantedKeyId",
                "RAZORPAY_KEY_SECRET=" + SECRETS.get(7),
                "SENTRY_DSN=https://" + SECRETS.get(8) + "@o1.ingest.sentry.io/123",
                ""));
        Path config = Files.writeString(dir.resolve("preflight.yml"), String.join("\n",
                "version: 1",
                "targets:",
                "  payments:",
                "    stripe:",
                "      secret-key: " + SECRETS.get(9),
                "      webhook-secret: ${WEBHOOK_SECRET}",
                "  db:",
                "    url: postgresql://app:" + SECRETS.get(11) + "@db2.planted.invalid:5432/app?sslmode=disable",
                ""));
        List<String> outputs = new ArrayList<>();
        for (String format : List.of("text", "json", "junit", "markdown")) {
            Path file = dir.resolve("report." + format);
            CliRun run = CliRun.withEnvironment(Map.of("WEBHOOK_SECRET", SECRETS.get(10)), "check",
                    "--config", config.toString(), "--env", env.toString(), "--timeout", "3s",
                    "--format", format, "--output", file.toString(), "--format", format);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.PROBLEMS);
            outputs.add(run.out());
            outputs.add(run.err());
            outputs.add(Files.readString(file));
        }
        outputs.add(CliRun.of("list").out());

        for (String output : outputs) {
            for (String secret : SECRETS) {
                assertThat(output).doesNotContain(secret);
            }
        }
        assertThat(String.join("", outputs)).contains("sk_live_…4242");
    }

    @Test
    void configurationErrorsDoNotEchoSecrets() throws IOException {
        Path config = Files.writeString(dir.resolve("preflight.yml"), String.join("\n",
                "version: 1",
                "targets:",
                "  db:",
                "    url: postgresql://app:" + SECRETS.get(4) + "@db.planted.invalid:notaport/app",
                "  payments:",
                "    stripe:",
                "      secret-key: " + SECRETS.get(1),
                "      secret-kee: " + SECRETS.get(9),
                ""));

        CliRun run = CliRun.of("check", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        for (String secret : SECRETS) {
            assertThat(run.err() + run.out()).doesNotContain(secret);
        }
    }
}
