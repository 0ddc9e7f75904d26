package dev.preflight.db.redis;

import static dev.preflight.db.redis.RedisTargets.asUser;
import static dev.preflight.db.redis.RedisTargets.run;
import static dev.preflight.db.redis.RedisTargets.withPassword;
import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.testsupport.RedisTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code redis.version} against the Debian redis-server (7.x), as admin and as a user without INFO. */
class RedisVersionProbeTest {
    private static final String ADMIN_PASSWORD = "admin-pw-1a2b";
    private static RedisTestServer redis;

    @BeforeAll
    static void start() throws Exception {
        RedisTestServer.assumeAvailable();
        redis = RedisTestServer.builder().requirePass(ADMIN_PASSWORD)
                .aclUser("app", "on >app-pw-4c5d ~* +@read +@write -@dangerous +hello").start();
    }

    @AfterAll
    static void stop() {
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void aCurrentRedisPassesWithItsVersionFromInfo() {
        Result result = run(new RedisVersionProbe(), withPassword(redis, ADMIN_PASSWORD));

        assertThat(result).isPass().hasSummaryContaining("Redis 7.").hasDetail("mode", "standalone")
                .hasDetail("source", "INFO server");
    }

    @Test
    void withoutInfoTheVersionComesFromHello() {
        Result result = run(new RedisVersionProbe(), asUser(redis, "app", "app-pw-4c5d"));

        assertThat(result).isPass().hasSummaryContaining("Redis 7.")
                .hasDetail("source", "HELLO (INFO server refused (NOPERM))");
    }
}
