package dev.preflight.db.redis;

import static dev.preflight.db.redis.RedisTargets.asUser;
import static dev.preflight.db.redis.RedisTargets.run;
import static dev.preflight.db.redis.RedisTargets.withPassword;
import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.testsupport.RedisTestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * {@code redis.dangerous-commands} against one redis-server with users of several privilege levels;
 * the probe only asks ACL DRYRUN, so the server's data must come through untouched.
 */
class RedisDangerousCommandsProbeTest {
    private static final String ADMIN_PASSWORD = "admin-pw-9e8f";
    private static RedisTestServer redis;

    @BeforeAll
    static void start() throws Exception {
        RedisTestServer.assumeAvailable();
        redis = RedisTestServer.builder()
                .requirePass(ADMIN_PASSWORD)
                .aclUser("app", "on >app-pw-3c1a ~* +@read +@write -@dangerous")
                // Restricted like app, but allowed to ask about its own rights.
                .aclUser("worker", "on >worker-pw-5d2b ~* +@read +@write -@dangerous +acl|dryrun +acl|whoami")
                .aclUser("ops", "on >ops-pw-7a6c ~* +@all -debug -keys")
                .start();
        try (Jedis setup = RedisTargets.client(redis, null, ADMIN_PASSWORD)) {
            setup.set("customer:1", "kept");
        }
    }

    @AfterAll
    static void stop() {
        if (redis != null) {
            try (Jedis check = RedisTargets.client(redis, null, ADMIN_PASSWORD)) {
                assertThat(check.get("customer:1")).as("data after the probes ran").isEqualTo("kept");
            } finally {
                redis.close();
            }
        }
    }

    @Test
    void theAllPowerfulDefaultUserWarnsListingEveryCommand() {
        Result result = run(new RedisDangerousCommandsProbe(), withPassword(redis, ADMIN_PASSWORD));

        assertThat(result).isWarn().hasSummary("user default may run FLUSHALL, CONFIG GET, CONFIG SET, KEYS, DEBUG")
                .hasDetail("denied", List.of()).hasRemediationContaining("-@dangerous");
    }

    @Test
    void aUserWithSomeCommandsTakenAwayWarnsForTheRest() {
        Result result = run(new RedisDangerousCommandsProbe(), asUser(redis, "ops", "ops-pw-7a6c"));

        assertThat(result).isWarn().hasDetail("user", "ops")
                .hasDetail("allowed", List.of("FLUSHALL", "CONFIG GET", "CONFIG SET"))
                .hasDetail("denied", List.of("KEYS", "DEBUG"));
    }

    @Test
    void aRestrictedUserPasses() {
        Result result = run(new RedisDangerousCommandsProbe(), asUser(redis, "worker", "worker-pw-5d2b"));

        assertThat(result).isPass().hasSummary("user worker may not run FLUSHALL, CONFIG, KEYS or DEBUG")
                .hasDetail("allowed", List.of());
    }

    @Test
    void aUserThatMayNotAskAboutItsRightsIsSkippedNamingTheRefusal() {
        Result result = run(new RedisDangerousCommandsProbe(), asUser(redis, "app", "app-pw-3c1a"));

        assertThat(result).isSkip()
                .hasSummary("cannot tell which commands user app may run: ACL DRYRUN refused (NOPERM)");
    }
}
