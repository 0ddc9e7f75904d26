package dev.preflight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.preflight.ConfigException;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Blocks read by a module's {@link dev.preflight.targets.TargetBlockReader}, here the test's {@link AcmeQueueBlockReader}. */
class ContributedBlocksTest {
    @TempDir
    Path dir;

    private Fixtures files() {
        return new Fixtures(dir);
    }

    @Test
    void aContributedBlockBecomesTheReadersTargetWithTheSharedKeys() {
        PreflightConfig config = files().loadYaml("""
                targets:
                  jobs:
                    acme-queue:
                      host: queue.internal
                      access: ${QUEUE_ACCESS}
                      topics: [orders, refunds]
                      options: { prefetch: 10 }
                    timeout: 4s
                    exclude: [http.hsts]
                """, Map.of("QUEUE_ACCESS", "queue-access-4711"));
        Target jobs = config.targets().get(0);

        assertThat(jobs.kind()).isEqualTo(AcmeQueueBlockReader.KIND);
        assertThat(jobs.location()).isEqualTo("queue.internal");
        assertThat(jobs.attributes()).contains(entry("topics", "orders,refunds"), entry("option.prefetch", "10"),
                entry("environment", "production"));
        assertThat(jobs.secret("access")).contains(Secret.of("queue-access-4711"));
        assertThat(jobs.timeout()).contains(Duration.ofSeconds(4));
        assertThat(jobs.exclude()).containsExactly("http.hsts");
        // 'access' looks like no secret, but the reader asked for a secret: it reaches the redactor all the same.
        assertThat(config.secrets()).contains("queue-access-4711");
    }

    @Test
    void unknownKeyInAContributedBlockSuggestsTheClosest() {
        ConfigException e = files().yamlError("targets:\n  jobs:\n    acme-queue:\n      host: q.internal\n      topic: [a]\n");

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.key()).contains("targets.jobs.acme-queue.topic");
        assertThat(e.problem()).isEqualTo("unknown key 'topic'; did you mean 'topics'?");
    }

    @Test
    void misspeltBlockKeySuggestsTheContributedOne() {
        ConfigException e = files().yamlError("targets:\n  jobs:\n    acme-queu: { host: q.internal }\n");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.key()).contains("targets.jobs.acme-queu");
        assertThat(e.problem()).isEqualTo("unknown key 'acme-queu'; did you mean 'acme-queue'?");
    }

    @Test
    void aMissingRequiredKeyIsReportedAtTheBlockWithTheReadersWords() {
        ConfigException e = files().yamlError("targets:\n  jobs:\n    acme-queue:\n      topics: [a]\n");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.key()).contains("targets.jobs.acme-queue.host");
        assertThat(e.problem()).isEqualTo("an acme-queue block needs host, e.g. host: queue.internal");
    }

    @Test
    void aReadersOwnProblemIsLocatedAtTheEntry() {
        ConfigException e = files().yamlError("targets:\n  jobs:\n    acme-queue:\n\n      host: q.internal/x\n");

        assertThat(e.getMessage()).isEqualTo(dir.resolve("preflight.yml")
                + ":5: targets.jobs.acme-queue.host: write the host alone, without scheme or path");
    }

    @Test
    void aContributedBlockCannotSitBesideAnotherKind() {
        ConfigException e = files().yamlError(
                "targets:\n  jobs: { url: https://q.example.com, acme-queue: { host: q.internal } }\n");

        assertThat(e.problem()).contains("has url and acme-queue", "split it");
    }
}
