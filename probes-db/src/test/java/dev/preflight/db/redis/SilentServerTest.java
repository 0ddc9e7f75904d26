package dev.preflight.db.redis;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.Preflight;
import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ContractTargets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A server that accepts and never answers: every Redis probe of the target, run together, gives ERROR
 * at its deadline, saying so, without a connection of its own.
 */
class SilentServerTest {

    @Test
    void everyProbeErrsAtTheDeadlineOverOneConnection() {
        try (ContractTargets targets = ContractTargets.open()) {
            Report report = Preflight.builder().discoverProbes(false)
                    .addProbe(new RedisAuthProbe()).addProbe(new RedisPersistenceProbe())
                    .addProbe(new RedisMemoryProbe()).addProbe(new RedisDangerousCommandsProbe())
                    .addProbe(new RedisVersionProbe())
                    .target(Target.forUrl("redis://:quiet-pw-2c3d@" + targets.silentServer()))
                    .timeout(Duration.ofSeconds(1))
                    .build().run();

            assertThat(report.outcomes()).hasSize(5).allSatisfy(outcome -> {
                assertThat(outcome.status()).as(outcome.probeId()).isEqualTo(Status.ERROR);
                // The probe's own words, or the runner's when its deadline fires first: both say so.
                assertThat(outcome.result().summary()).as(outcome.probeId())
                        .containsAnyOf("before the deadline", "no answer within 1s");
                assertThat(outcome.duration()).as(outcome.probeId()).isLessThan(Duration.ofMillis(1800));
            });
            // Not one connection per probe. Not always exactly one either: when the runner cancels the
            // probe that was opening it, the core lets the next waiting probe open it afresh.
            assertThat(targets.silentServerConnections()).isBetween(1, 3);
            assertThat(report).containsNoText("quiet-pw-2c3d");
            assertThat(report.outcomes().stream().map(ProbeOutcome::probeId)).contains("redis.auth");
        }
    }
}
