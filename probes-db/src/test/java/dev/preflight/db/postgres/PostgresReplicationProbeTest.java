package dev.preflight.db.postgres;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.PostgresTestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * postgres.replication against a primary with one streaming replica (read by a pg_monitor role and
 * by one without), the replica itself, a primary without replicas, and a replica whose replay is
 * paused. The probe only reads, so the tests share the first pair.
 */
class PostgresReplicationProbeTest {
    private static final String HBA = "host all all 127.0.0.1/32 scram-sha-256";
    private static final String ROLES = PostgresTargets.APP_ROLE
            + " CREATE ROLE monitor LOGIN PASSWORD 'm0n-pw'; GRANT pg_monitor TO monitor;";

    private static PostgresTestServer primary;
    private static PostgresTestServer replica;

    @BeforeAll
    static void start() throws Exception {
        if (!PostgresTestServer.isAvailable()) {
            return;
        }
        primary = PostgresTestServer.builder().hba(HBA).initSql(ROLES).start();
        replica = PostgresTestServer.builder().replicaOf(primary).hba(HBA).start();
    }

    @AfterAll
    static void stop() {
        if (replica != null) {
            replica.close();
        }
        if (primary != null) {
            primary.close();
        }
    }

    @Test
    void oneStreamingReplicaPassesWhenOneIsExpected() {
        PostgresTestServer.assumeAvailable();
        Result result = run(monitor(primary), "replicas", "1");
        assertThat(result).isPass().hasSummaryContaining("1 replica streaming (expected 1)")
                .hasSummaryContaining("from a local socket: streaming").hasDetail("streaming", 1)
                .hasDetail("expectedReplicas", 1);
    }

    @Test
    void withoutTheSettingTheReplicasSeenAreReported() {
        PostgresTestServer.assumeAvailable();
        assertThat(run(monitor(primary))).isPass().hasSummaryContaining("1 replica streaming: ")
                .hasDetail("walSenders", 1);
    }

    @Test
    void twoExpectedButOneStreamingFails() {
        PostgresTestServer.assumeAvailable();
        assertThat(run(monitor(primary), "replicas", "2")).isFail()
                .hasSummaryContaining("1 of the 2 expected replicas stream").hasRemediationContaining("primary_conninfo");
    }

    @Test
    void aRoleWithoutPgMonitorWarnsThatStateAndLagAreNotVerified() {
        PostgresTestServer.assumeAvailable();
        assertThat(run(app(primary), "replicas", "1")).isWarn()
                .hasSummaryContaining("1 WAL sender in pg_stat_replication (expected 1), but their state and replay"
                        + " lag are hidden from this role (pg_monitor needed)")
                .hasRemediationContaining("GRANT pg_monitor");
        // The senders themselves are visible: fewer than expected fails even so.
        assertThat(run(app(primary), "replicas", "2")).isFail()
                .hasSummaryContaining("1 WAL sender in pg_stat_replication, fewer than the 2 replicas expected");
    }

    @Test
    void aStandbyReportsItsWalReceiver() {
        PostgresTestServer.assumeAvailable();
        assertThat(run(monitor(replica))).isPass().hasSummaryContaining("this standby streams from ")
                .hasSummaryContaining("(replay lag 0 B)").hasDetail("standby", true)
                .hasDetail("receiverStatus", "streaming");
        assertThat(run(app(replica))).isWarn().hasSummaryContaining("its WAL receiver's status is hidden from this"
                + " role (pg_monitor needed)");
    }

    @Test
    void aPrimaryWithoutReplicasSkipsUnlessSomeAreExpected() throws Exception {
        PostgresTestServer.assumeAvailable();
        try (PostgresTestServer lone = PostgresTestServer.builder().hba(HBA).initSql(ROLES).start()) {
            assertThat(run(monitor(lone))).isSkip().hasSummaryContaining("no replica expected");
            assertThat(run(monitor(lone), "replicas", "1")).isFail()
                    .hasSummaryContaining("0 of the 1 expected replicas stream");
        }
    }

    @Test
    void aLogicalSubscribersWalSenderIsNoReplica() throws Exception {
        PostgresTestServer.assumeAvailable();
        try (PostgresTestServer publisher = PostgresTestServer.builder().hba(HBA).superuserPassword("pub-pw")
                .setting("wal_level", "logical")
                .initSql(ROLES + " CREATE TABLE t (id int PRIMARY KEY); CREATE PUBLICATION pub FOR TABLE t;").start();
                PostgresTestServer subscriber = PostgresTestServer.builder().hba(HBA)
                        .initSql("CREATE TABLE t (id int PRIMARY KEY); CREATE SUBSCRIPTION sub CONNECTION 'host=127.0.0.1"
                                + " port=" + publisher.port() + " user=postgres password=pub-pw dbname=postgres'"
                                + " PUBLICATION pub;").start()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!"1".equals(publisher.execute("SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'"))) {
                assertThat(System.nanoTime()).as("the subscription streams in time").isLessThan(deadline);
                Thread.sleep(50);
            }

            assertThat(run(monitor(publisher))).isSkip().hasSummaryContaining("pg_stat_replication shows none");
            assertThat(run(monitor(publisher), "replicas", "1")).isFail()
                    .hasSummaryContaining("0 of the 1 expected replicas stream");
        }
    }

    @Test
    void aReplicaFallenBehindFailsOnThePrimaryAndOnItself() throws Exception {
        PostgresTestServer.assumeAvailable();
        try (PostgresTestServer busy = PostgresTestServer.builder().hba(HBA).initSql(ROLES).start();
                PostgresTestServer paused = PostgresTestServer.builder().replicaOf(busy).hba(HBA).start()) {
            paused.execute("SELECT pg_wal_replay_pause()");
            // About 20 MB of WAL that the paused replica receives but does not replay.
            busy.execute("CREATE TABLE filler AS SELECT g, repeat('x', 100) AS pad FROM generate_series(1, 150000) g");
            awaitReceived(paused, 2 * 1024 * 1024);

            Result onPrimary = run(monitor(busy), "replicas", "1", "max-lag-mb", "1");
            assertThat(onPrimary).isFail().hasSummaryContaining("of WAL not yet replayed, more than 1.0 MB")
                    .hasRemediationContaining("max-lag-mb");
            assertThat(run(monitor(paused), "max-lag-mb", "1")).isFail()
                    .hasSummaryContaining("this standby has").hasSummaryContaining("of WAL not yet replayed");
            // Within the default 64 MB the same lag passes.
            assertThat(run(monitor(busy), "replicas", "1")).isPass();
        }
    }

    private static void awaitReceived(PostgresTestServer standby, long bytes) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String query = "SELECT pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()) > " + bytes;
        while (!"t".equals(standby.execute(query))) {
            assertThat(System.nanoTime()).as("the standby received the WAL in time").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static Target monitor(PostgresTestServer server) {
        return PostgresTargets.url(server, "monitor", "m0n-pw", "postgres", "sslmode=disable");
    }

    private static Target app(PostgresTestServer server) {
        return PostgresTargets.app(server, "postgres", "sslmode=disable");
    }

    private static Result run(Target target, String... settings) {
        ProbeTestKit kit = ProbeTestKit.forProbe(new PostgresReplicationProbe()).target(target)
                .timeout(Duration.ofSeconds(10));
        for (int i = 0; i < settings.length; i += 2) {
            kit = kit.setting(settings[i], settings[i + 1]);
        }
        return kit.run().result();
    }
}
