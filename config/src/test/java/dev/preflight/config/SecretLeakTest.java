package dev.preflight.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.ConfigException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plants secrets in broken files and checks that no error message repeats one. */
class SecretLeakTest {
    private static final String DB_PASSWORD = "Pl4nted-db-Secret/9f3k";
    private static final String STRIPE_KEY = "sk_live_PLANTEDabcdef0123456789";
    private static final String API_TOKEN = "planted-api-token-7d1e";
    private static final Map<String, String> ENVIRONMENT =
            Map.of("DB_PASSWORD", DB_PASSWORD, "STRIPE_SECRET_KEY", STRIPE_KEY, "API_TOKEN", API_TOKEN);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "targets:\n  db: { url: \"postgresql://app:${DB_PASSWORD}@db.internal:99999/shop\" }\n",
        "targets:\n  db: { url: \"postgresql://app:${DB_PASSWORD}@db internal/shop\" }\n",
        "targets:\n  db: { url: \"postgresql://app:Pl4nted-db-Secret/9f3k@db.internal/shop\" }\n",
        "targets:\n  db: { url: \"ftp://app:${DB_PASSWORD}@files.internal\" }\n",
        "targets:\n  db: { url: \"app:${DB_PASSWORD}@db.internal\" }\n",
        "targets:\n  shop: { url: https://shop.example.com, timeout: \"${DB_PASSWORD}\" }\n",
        "targets:\n  mail: { domain: \"${API_TOKEN}\" }\n",
        "targets:\n  q: { acme-queue: { password: \"${STRIPE_SECRET_KEY}\", host: [\"${STRIPE_SECRET_KEY}\"] } }\n",
        "targets:\n  db: { kind: mongodb, url: \"${DB_PASSWORD}\" }\n",
        "targets:\n  db: { kind: mongodb, secrets: { pin: \"${API_TOKEN}\" }, attributes: { pin: [\"${API_TOKEN}\"] } }\n",
        "defaults: { parallelism: \"${API_TOKEN}\" }\n",
        "defaults: { overall-timeout: \"planted-api-token-7d1e\" }\n",
        "network: { dns-server: \"${DB_PASSWORD}\" }\n",
        "network: { resolve: [\"${API_TOKEN}\"] }\n",
        "version: \"${STRIPE_SECRET_KEY}\"\n",
        "waivers:\n  - { probe: http.hsts, reason: x, expires: \"${STRIPE_SECRET_KEY}\" }\n",
    })
    void yamlProblemsNeverRepeatASecret(String yaml) {
        ConfigException e = new Fixtures(dir).yamlError(yaml, ENVIRONMENT);

        assertNoSecretIn(e);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "DATABASE_URL=postgresql://app:Pl4nted-db-Secret/9f3k@db/shop\nsk_live_PLANTEDabcdef0123456789\n",
        "STRIPE_SECRET_KEY=sk_live_PLANTEDabcdef0123456789\nsk_live_PLANTEDabcdef0123456789/+x==\n",
        "STRIPE_SECRET_KEY=\"sk_live_PLANTEDabcdef0123456789\ncontinues without closing\n",
        "STRIPE_SECRET_KEY='sk_live_PLANTEDabcdef0123456789' trailing\n",
        "SMTP_HOST=smtp.example.com\nSMTP_PASSWORD=Pl4nted-db-Secret/9f3k\nSMTP_PORT=Pl4nted-db-Secret/9f3k\n",
    })
    void envFileProblemsNeverRepeatASecret(String env) {
        Path file = new Fixtures(dir).write(".env", env);

        ConfigException e = Fixtures.expectProblem(() -> Fixtures.loader(Map.of()).loadEnvFile(file));

        assertNoSecretIn(e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://app:Pl4nted-db-Secret/9f3k@files.internal",
        "postgresql://app:Pl4nted-db-Secret/9f3k@db internal/shop", "redis://:Pl4nted-db-Secret/9f3k@"})
    void positionalUrlProblemsNeverRepeatThePassword(String url) {
        ConfigException e = Fixtures.expectProblem(() -> Targets.fromUrl("cli", url));

        assertNoSecretIn(e);
    }

    private static void assertNoSecretIn(ConfigException e) {
        for (String secret : ENVIRONMENT.values()) {
            assertThat(e.getMessage()).doesNotContain(secret)
                    .doesNotContain(URLEncoder.encode(secret, StandardCharsets.UTF_8))
                    .doesNotContain(secret.substring(0, secret.length() / 2));
        }
    }
}
