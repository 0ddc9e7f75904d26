package dev.preflight.db.redis;

import static dev.preflight.db.redis.RedisTargets.asUser;
import static dev.preflight.db.redis.RedisTargets.client;
import static dev.preflight.db.redis.RedisTargets.run;
import static dev.preflight.db.redis.RedisTargets.withPassword;
import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.RedisTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** {@code redis.persistence} against one private redis-server per persistence setup. */
class RedisPersistenceProbeTest {
    private static final String PASSWORD = "persist-pw-0c9d";

    @Test
    void defaultSavePointsPass() throws Exception {
        RedisTestServer.assumeAvailable();
        try (RedisTestServer redis = RedisTestServer.builder().requirePass(PASSWORD).start()) {
            Result result = run(new RedisPersistenceProbe(), withPassword(redis, PASSWORD));

            assertThat(result).isPass().hasSummaryContaining("RDB snapshots (save 3600 1 300 100 60 10000)")
                    .hasDetail("aofEnabled", false).hasDetail("rdbLastBgsave", "ok")
                    .hasDetail("rdbSavePoints", "3600 1 300 100 60 10000").hasDetail("role", "cache")
                    .hasGauge("redis_last_save_age_seconds", age -> age >= 0 && age < 600);
        }
    }

    @Test
    void appendOnlyPassesForAStore() throws Exception {
        RedisTestServer.assumeAvailable();
        try (RedisTestServer redis = RedisTestServer.builder().requirePass(PASSWORD)
                .config("appendonly", "yes").config("save", "").start()) {
            Result result = ProbeTestKit.forProbe(new RedisPersistenceProbe()).target(withPassword(redis, PASSWORD))
                    .setting("role", "store").run().result();

            assertThat(result).isPass().hasSummaryContaining("AOF on").hasDetail("aofEnabled", true)
                    .hasDetail("aofLastWrite", "ok").hasDetail("rdbSavePoints", "none").hasDetail("role", "store");
        }
    }

    @Test
    void noPersistenceWarnsForACacheAndFailsForAStore() throws Exception {
        RedisTestServer.assumeAvailable();
        try (RedisTestServer redis = RedisTestServer.builder().requirePass(PASSWORD).config("save", "").start()) {
            Result cache = run(new RedisPersistenceProbe(), withPassword(redis, PASSWORD));
            Result store = ProbeTestKit.forProbe(new RedisPersistenceProbe()).target(withPassword(redis, PASSWORD))
                    .setting("role", "store").run().result();

            assertThat(cache).isWarn().hasSummaryContaining("a restart empties this cache");
            assertThat(store).isFail().hasSummaryContaining("a restart loses every key of this store")
                    .hasRemediationContaining("appendonly yes");
        }
    }

    @Test
    void aRoleOtherThanCacheOrStoreIsAnError() throws Exception {
        RedisTestServer.assumeAvailable();
        try (RedisTestServer redis = RedisTestServer.builder().start()) {
            Result result = ProbeTestKit.forProbe(new RedisPersistenceProbe()).target(RedisTargets.anonymous(redis))
                    .setting("role", "database").run().result();

            assertThat(result).isError().hasSummaryContaining("redis.persistence.role");
        }
    }

    @Test
    void unsavedChangesOlderThanMaxAgeWarn() throws Exception {
        RedisTestServer.assumeAvailable();
        try (RedisTestServer redis = RedisTestServer.builder().requirePass(PASSWORD).config("save", "3600 1000").start();
                Jedis setup = client(redis, null, PASSWORD)) {
            setup.set("order:1", "paid");
            // The server saved last at its start; two days on, its one change is still unsaved.
            Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(2)), ZoneOffset.UTC);
            Result result = ProbeTestKit.forProbe(new RedisPersistenceProbe()).target(withPassword(redis, PASSWORD))
                    .clock(later).run().result();

            assertThat(result).isWarn().hasSummaryContaining("1 changes are not saved")
                    .hasSummaryContaining("max-age 24h").hasDetail("rdbChangesSinceLastSave", 1L);
        }
    }

    @Test
    void aFailedSnapshotFails() throws Exception {
        RedisTestServer.assumeAvailable();
        Path data = Files.createTempDirectory("preflight-redis-data-");
        try (RedisTestServer redis = RedisTestServer.builder().requirePass(PASSWORD)
                .config("dir", "\"" + data + "\"").start();
                Jedis setup = client(redis, null, PASSWORD)) {
            // Redis works in its dir; with the dir gone, the snapshot cannot create its file, even as root.
            Files.delete(data);
            setup.bgsave();
            awaitBgsaveDone(setup);
            Result result = run(new RedisPersistenceProbe(), withPassword(redis, PASSWORD));
            Files.createDirectories(data);

            assertThat(result).isFail().hasSummaryContaining("the last RDB snapshot failed")
                    .hasDetail("rdbLastBgsave", "err");
        } finally {
            Files.deleteIfExists(data.resolve("dump.rdb"));
            Files.deleteIfExists(data);
        }
    }

    @Test
    void anAppUserWithoutInfoGetsAWarningNamingTheRefusal() throws Exception {
        RedisTestServer.assumeAvailable();
        try (RedisTestServer redis = RedisTestServer.builder().requirePass(PASSWORD)
                .aclUser("app", "on >app-pw-1f2e ~* +@read +@write -@dangerous").start()) {
            Result result = run(new RedisPersistenceProbe(), asUser(redis, "app", "app-pw-1f2e"));

            assertThat(result).isWarn()
                    .hasSummary("persistence not verified: INFO persistence refused (NOPERM)")
                    .hasRemediationContaining("+info");
        }
    }

    @Test
    void aUserWithInfoButNotConfigSaysTheSavePointsAreNotVerified() throws Exception {
        RedisTestServer.assumeAvailable();
        try (RedisTestServer redis = RedisTestServer.builder().requirePass(PASSWORD)
                .aclUser("monitor", "on >mon-pw-8a7b ~* +@read +info").start()) {
            Result result = run(new RedisPersistenceProbe(), asUser(redis, "monitor", "mon-pw-8a7b"));

            assertThat(result).isWarn().hasSummaryContaining("save points could not be read")
                    .hasDetail("notVerified", java.util.List.of("RDB save points (CONFIG GET refused (NOPERM))"));
        }
    }

    private static void awaitBgsaveDone(Jedis setup) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (setup.info("persistence").contains("rdb_bgsave_in_progress:1") && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(setup.info("persistence")).contains("rdb_bgsave_in_progress:0");
    }
}
