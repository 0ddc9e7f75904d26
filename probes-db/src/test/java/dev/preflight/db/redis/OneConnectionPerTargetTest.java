package dev.preflight.db.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.Preflight;
import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.Status;
import dev.preflight.testsupport.RedisTestServer;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * A target's Redis probes, run together by the real runner (in parallel), open one connection to
 * the server between them, and the run closes it when it ends; the server counts.
 */
class OneConnectionPerTargetTest {
    private static final String PASSWORD = "shared-pw-8b7c";

    @Test
    void sixProbesShareOneConnectionClosedAtTheEndOfTheRun() throws Exception {
        RedisTestServer.assumeAvailable();
        try (RedisTestServer redis = RedisTestServer.builder().requirePass(PASSWORD)
                .config("maxmemory", "64mb").config("maxmemory-policy", "allkeys-lru").start();
                Jedis counter = RedisTargets.client(redis, null, PASSWORD)) {
            long before = received(counter);

            Report report = Preflight.builder().discoverProbes(false)
                    .addProbe(new RedisAuthProbe()).addProbe(new RedisTlsProbe())
                    .addProbe(new RedisPersistenceProbe()).addProbe(new RedisMemoryProbe())
                    .addProbe(new RedisDangerousCommandsProbe()).addProbe(new RedisVersionProbe())
                    .target(RedisTargets.withPassword(redis, PASSWORD))
                    .build().run();

            Map<String, Status> statuses = report.outcomes().stream()
                    .collect(Collectors.toMap(ProbeOutcome::probeId, ProbeOutcome::status));
            assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "redis.auth", Status.PASS, "redis.tls", Status.PASS, "redis.persistence", Status.PASS,
                    "redis.memory", Status.PASS, "redis.dangerous-commands", Status.WARN,
                    "redis.version", Status.PASS));
            assertThat(received(counter) - before).as("connections the probes opened").isEqualTo(1);
            // Only the counting client is left: the run closed the probes' connection (the server may
            // take a moment to notice).
            long clients = counter.clientList().lines().count();
            for (int i = 0; i < 100 && clients > 1; i++) {
                Thread.sleep(20);
                clients = counter.clientList().lines().count();
            }
            assertThat(clients).isEqualTo(1);
        }
    }

    private static long received(Jedis counter) {
        return counter.info("stats").lines().filter(l -> l.startsWith("total_connections_received:"))
                .mapToLong(l -> Long.parseLong(l.substring(l.indexOf(':') + 1).strip())).findFirst().orElseThrow();
    }
}
