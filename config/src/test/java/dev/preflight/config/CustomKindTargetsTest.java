package dev.preflight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.preflight.ConfigException;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Targets declared with {@code kind:}, for probes of a kind Preflight does not read itself. */
class CustomKindTargetsTest {
    @TempDir
    Path dir;

    private Fixtures files() {
        return new Fixtures(dir);
    }

    @Test
    void kindTargetCarriesItsUrlAttributesAndSecrets() {
        PreflightConfig config = files().loadYaml("""
                environment: staging
                targets:
                  orders-db:
                    kind: mongodb
                    url: mongodb://app:${MONGO_URL_PASSWORD}@db.internal:27017/orders
                    attributes: { replica-set: rs0, tls: "true" }
                    secrets: { password: "${MONGO_PASSWORD}", api: plain-looking-4711 }
                    timeout: 3s
                    include: [env.*]
                """, Map.of("MONGO_PASSWORD", "mongo-pw-1234", "MONGO_URL_PASSWORD", "url-pw-5678"));
        Target db = config.targets().get(0);

        assertThat(db.kind()).isEqualTo(TargetKind.of("mongodb"));
        assertThat(db.name()).isEqualTo("orders-db");
        assertThat(db.location()).isEqualTo("mongodb://app:***@db.internal:27017/orders");
        assertThat(db.uri().orElseThrow().getHost()).isEqualTo("db.internal");
        assertThat(db.attributes()).containsExactly(entry("replica-set", "rs0"), entry("tls", "true"),
                entry("environment", "staging"));
        assertThat(db.secrets()).containsOnlyKeys("password", "api");
        assertThat(db.secret("password")).contains(Secret.of("mongo-pw-1234"));
        assertThat(db.timeout()).contains(Duration.ofSeconds(3));
        assertThat(db.include()).containsExactly("env.*");
        // Every value under secrets: is secret, whatever its name.
        assertThat(config.secrets()).contains("mongo-pw-1234", "plain-looking-4711", "url-pw-5678");
    }

    @Test
    void kindTargetNeedsNoUrl() {
        Target queue = files().loadYaml("targets:\n  q: { kind: acme-broker, attributes: { region: eu } }\n")
                .targets().get(0);

        assertThat(queue.kind().label()).isEqualTo("acme-broker");
        assertThat(queue.uri()).isEmpty();
        assertThat(queue.attribute("region")).contains("eu");
    }

    @Test
    void unknownKeyInAKindTargetSuggestsTheClosestWithItsLine() {
        ConfigException e = files().yamlError("""
                targets:
                  orders-db:
                    kind: mongodb
                    url: mongodb://db.internal:27017/orders
                    atributes: { replica-set: rs0 }
                """);

        assertThat(e.getMessage()).isEqualTo(dir.resolve("preflight.yml")
                + ":5: targets.orders-db.atributes: unknown key 'atributes'; did you mean 'attributes'?");
    }

    @Test
    void malformedKindIsRejectedWithTheRule() {
        ConfigException e = files().yamlError("targets:\n  db:\n    kind: MongoDB\n");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.key()).contains("targets.db.kind");
        assertThat(e.problem()).isEqualTo("'MongoDB' is not a kind: write it in lower case, a letter followed by"
                + " letters, digits or '-', e.g. kind: mongodb");
    }

    @Test
    void kindNamingABuiltInKindPointsAtItsOwnKey() {
        assertThat(files().yamlError("targets:\n  shop: { kind: web, url: https://shop.example.com }\n").problem())
                .isEqualTo("'web' targets are declared by their own key, not kind:; write url: https://…");
        assertThat(files().yamlError("targets:\n  mail: { kind: domain }\n").problem())
                .contains("write domain: example.com");
    }

    @Test
    void kindNamingAContributedBlockPointsAtTheBlock() {
        assertThat(files().yamlError("targets:\n  q: { kind: acme-queue }\n").problem())
                .isEqualTo("'acme-queue' targets are declared by their own block, not kind:; write acme-queue:"
                        + " followed by its keys");
    }

    @Test
    void kindCannotSitBesideAnotherKindKey() {
        ConfigException e = files().yamlError("targets:\n  db: { kind: mongodb, domain: example.com }\n");

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.problem()).contains("has kind and domain");
    }

    @Test
    void attributesAndSecretsBelongToKindTargets() {
        ConfigException e = files().yamlError(
                "targets:\n  shop:\n    url: https://shop.example.com\n    secrets: { token: x-1234 }\n");

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.key()).contains("targets.shop.secrets");
        assertThat(e.problem()).startsWith("secrets: belongs to a target declared with kind:");
    }

    @Test
    void secretValuesMustBeSingleValues() {
        ConfigException e = files().yamlError("targets:\n  db:\n    kind: mongodb\n    secrets:\n      password: [a, b]\n");

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.key()).contains("targets.db.secrets.password");
        assertThat(e.problem()).startsWith("expected a single value here, found a list");
    }
}
