package dev.preflight.db.redis;

import static dev.preflight.db.redis.RedisTargets.asUser;
import static dev.preflight.db.redis.RedisTargets.client;
import static dev.preflight.db.redis.RedisTargets.run;
import static dev.preflight.db.redis.RedisTargets.withPassword;
import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.RedisTestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

/** {@code redis.memory} against one private redis-server per memory setup. */
class RedisMemoryProbeTest {
    private static final String PASSWORD = "mem-pw-6d3c";

    @Test
    void noMaxmemoryWarns() throws Exception {
        RedisTestServer.assumeAvailable();
        try (RedisTestServer redis = RedisTestServer.builder().requirePass(PASSWORD).start()) {
            Result result = run(new RedisMemoryProbe(), withPassword(redis, PASSWORD));

            assertThat(result).isWarn().hasSummaryContaining("no maxmemory").hasDetail("maxmemory", 0L)
                    .hasDetail("problems", List.of("no maxmemory: Redis grows until the machine runs out of memory",
                            "maxmemory-policy noeviction on a cache: when full, writes fail instead of evicting"));
        }
    }

    @Test
    void aLimitWithAnAllkeysPolicyPassesForACacheEvenWithKeysWithoutTtl() throws Exception {
        RedisTestServer.assumeAvailable();
        try (RedisTestServer redis = RedisTestServer.builder().requirePass(PASSWORD)
                .config("maxmemory", "64mb").config("maxmemory-policy", "allkeys-lru").start();
                Jedis setup = client(redis, null, PASSWORD)) {
            setup.set("page:/", "<html>");
            setup.set("page:/about", "<html>", SetParams.setParams().ex(3600));
            Result result = run(new RedisMemoryProbe(), withPassword(redis, PASSWORD));

            assertThat(result).isPass().hasSummaryContaining("allkeys-lru suits a cache")
                    .hasDetail("maxmemory", 67108864L).hasDetail("keys", 2L).hasDetail("keysWithoutTtl", 1L);
        }
    }

    @Test
    void keysWithoutTtlUnderAVolatilePolicyWarnOnACache() throws Exception {
        RedisTestServer.assumeAvailable();
        try (RedisTestServer redis = RedisTestServer.builder().requirePass(PASSWORD)
                .config("maxmemory", "64mb").config("maxmemory-policy", "volatile-lru").start();
                Jedis setup = client(redis, null, PASSWORD)) {
            setup.set("session:1", "x");
            setup.set("session:2", "y");
            setup.set("session:3", "z", SetParams.setParams().ex(60));
            Result result = run(new RedisMemoryProbe(), withPassword(redis, PASSWORD));

            assertThat(result).isWarn().hasSummary("2 of 3 keys have no TTL, and volatile-lru never evicts them")
                    .hasRemediationContaining("TTL");
        }
    }

    @Test
    void aStoreShouldNotEvictAndMayUseNoeviction() throws Exception {
        RedisTestServer.assumeAvailable();
        try (RedisTestServer redis = RedisTestServer.builder().requirePass(PASSWORD)
                .config("maxmemory", "64mb").config("maxmemory-policy", "allkeys-lfu").start()) {
            Result store = ProbeTestKit.forProbe(new RedisMemoryProbe()).target(withPassword(redis, PASSWORD))
                    .setting("role", "store").run().result();

            assertThat(store).isWarn().hasSummaryContaining("allkeys-lfu on a store");
        }
        try (RedisTestServer redis = RedisTestServer.builder().requirePass(PASSWORD)
                .config("maxmemory", "64mb").start()) {
            Result store = ProbeTestKit.forProbe(new RedisMemoryProbe()).target(withPassword(redis, PASSWORD))
                    .setting("role", "store").run().result();

            assertThat(store).isPass().hasSummaryContaining("noeviction suits a store");
        }
    }

    @Test
    void thePoliciesACacheMayUseAreASetting() throws Exception {
        RedisTestServer.assumeAvailable();
        try (RedisTestServer redis = RedisTestServer.builder().requirePass(PASSWORD)
                .config("maxmemory", "64mb").config("maxmemory-policy", "allkeys-random").start()) {
            Result result = ProbeTestKit.forProbe(new RedisMemoryProbe()).target(withPassword(redis, PASSWORD))
                    .setting("policies", "allkeys-lru, allkeys-lfu").run().result();

            assertThat(result).isWarn()
                    .hasSummary("maxmemory-policy allkeys-random on a cache, not among [allkeys-lru, allkeys-lfu]");
        }
    }

    @Test
    void anAppUserWithoutInfoGetsAWarningNamingTheRefusal() throws Exception {
        RedisTestServer.assumeAvailable();
        try (RedisTestServer redis = RedisTestServer.builder().requirePass(PASSWORD)
                .aclUser("app", "on >app-pw-2b4d ~* +@read +@write -@dangerous").start()) {
            Result result = run(new RedisMemoryProbe(), asUser(redis, "app", "app-pw-2b4d"));

            assertThat(result).isWarn().hasSummary("memory limits not verified: INFO memory refused (NOPERM)");
        }
    }
}
