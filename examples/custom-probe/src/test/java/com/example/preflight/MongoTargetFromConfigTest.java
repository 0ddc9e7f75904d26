package com.example.preflight;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.Preflight;
import dev.preflight.ProbeCatalog;
import dev.preflight.Report;
import dev.preflight.config.ConfigLoader;
import dev.preflight.config.PreflightConfig;
import dev.preflight.report.JsonReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code kind: mongodb} target in {@code preflight.yml}, loaded and run the way {@code preflight
 * check --config} does: probes discovered from the class path, the file read by the real loader.
 */
class MongoTargetFromConfigTest {
    private static final String PASSWORD = "Pl4nted-mongo-pw-93kd";

    @TempDir
    Path dir;

    @Test
    void customKindTargetIsCheckedByTheModulesProbeAndItsSecretStaysOutOfTheReport() throws IOException {
        Path yaml = Files.writeString(dir.resolve("preflight.yml"), """
                targets:
                  orders-db:
                    kind: mongodb
                    url: mongodb://app@db.internal:27017/orders
                    attributes: { replica-set: rs0 }
                    secrets: { password: "${MONGO_PASSWORD}" }
                """);
        ClassLoader classLoader = getClass().getClassLoader();
        ProbeCatalog catalog = ProbeCatalog.discover(classLoader);

        PreflightConfig config = ConfigLoader.builder().environment(Map.of("MONGO_PASSWORD", PASSWORD))
                .knownProbeIds(catalog.ids()).classLoader(classLoader).build().load(yaml, null);
        Report report = config.applyTo(Preflight.builder().catalog(catalog)).build().run();

        assertThat(config.secrets()).contains(PASSWORD);
        assertThat(report).hasOutcomeCount(1).hasOutcome("example.mongo-auth").result().isFail()
                .hasSummary("mongodb://app@db.internal:27017/orders does not turn TLS on");
        StringBuilder json = new StringBuilder();
        new JsonReportWriter().write(report, json);
        assertThat(json.toString()).contains("\"targetKind\": \"mongodb\"").doesNotContain(PASSWORD);
    }
}
