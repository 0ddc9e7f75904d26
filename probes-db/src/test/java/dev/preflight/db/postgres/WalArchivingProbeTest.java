package dev.preflight.db.postgres;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.PostgresTestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** postgres.wal-archiving against archiving off, succeeding and failing, read by a role that is no superuser. */
class WalArchivingProbeTest {

    @Test
    void archivingOffFails() throws Exception {
        PostgresTestServer.assumeAvailable();
        try (PostgresTestServer server = start(PostgresTestServer.builder())) {
            assertThat(run(server)).isFail().hasSummaryContaining("archive_mode = off").hasDetail("archiveMode", "off");
        }
    }

    @Test
    void archivingOnWithNothingArchivedYetWarns() throws Exception {
        PostgresTestServer.assumeAvailable();
        try (PostgresTestServer server = start(PostgresTestServer.builder().archiveToDirectory())) {
            assertThat(run(server)).isWarn().hasSummaryContaining("not yet shown to work");
        }
    }

    @Test
    void archivingThatSucceededRecentlyPasses() throws Exception {
        PostgresTestServer.assumeAvailable();
        try (PostgresTestServer server = start(PostgresTestServer.builder().archiveToDirectory())) {
            switchWal(server, "archived_count");

            Result result = run(server);
            assertThat(result).isPass().hasSummaryContaining("WAL archiving works").hasDetail("archivedCount", 1L)
                    .hasDetail("archiveCommand", "set").hasDetailKey("lastArchivedWal")
                    .hasGauge("postgres_last_archive_age_seconds", age -> age >= 0 && age < 600);
            assertThat(result.summary()).doesNotContain("cp ");
        }
    }

    @Test
    void aFailingArchiveCommandFailsWithTheCountsAndTheWalFile() throws Exception {
        PostgresTestServer.assumeAvailable();
        try (PostgresTestServer server = start(PostgresTestServer.builder().archiveFailing())) {
            switchWal(server, "failed_count");

            Result result = run(server);
            String wal = server.execute("SELECT last_failed_wal FROM pg_stat_archiver");
            assertThat(result).isFail().hasSummaryContaining("WAL archiving fails").hasSummaryContaining("0 successes")
                    .hasSummaryContaining(wal).hasDetail("lastFailedWal", wal);
        }
    }

    @Test
    void anIdleServerPassesPastMaxAgeWhenNothingWaitsToBeArchived() throws Exception {
        PostgresTestServer.assumeAvailable();
        try (PostgresTestServer server = start(PostgresTestServer.builder().archiveToDirectory())) {
            switchWal(server, "archived_count");
            awaitLastArchiveOlderThanTwoSeconds(server);

            assertThat(runWithMaxAge(server, "1s")).isPass().hasSummaryContaining("up to date")
                    .hasDetailKey("currentWal");
        }
    }

    @Test
    void finishedWalWaitingLongerThanMaxAgeFails() throws Exception {
        PostgresTestServer.assumeAvailable();
        try (PostgresTestServer server = start(PostgresTestServer.builder().archiveToDirectory())) {
            switchWal(server, "archived_count");
            // From now on the archiver hangs (8 s a file), so the next finished files wait.
            server.execute("ALTER SYSTEM SET archive_command = 'sleep 8'");
            server.execute("SELECT pg_reload_conf()");
            server.execute("CREATE TABLE a (id int)");
            server.execute("SELECT pg_switch_wal()");
            server.execute("CREATE TABLE b (id int)");
            server.execute("SELECT pg_switch_wal()");
            server.execute("CREATE TABLE c (id int)");
            awaitLastArchiveOlderThanTwoSeconds(server);

            assertThat(runWithMaxAge(server, "1s")).isFail().hasSummaryContaining("longer than 1s");
        }
    }

    /** The probe reads ages from the server's clock: wait until the server says the last archive is past 2s (ages are whole seconds, max-age 1s). */
    private static void awaitLastArchiveOlderThanTwoSeconds(PostgresTestServer server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"t".equals(server.execute(
                "SELECT now() - last_archived_time > interval '2100 milliseconds' FROM pg_stat_archiver"))) {
            assertThat(System.nanoTime()).as("the last archive ages past 2s in time").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static Result runWithMaxAge(PostgresTestServer server, String maxAge) {
        return ProbeTestKit.forProbe(new WalArchivingProbe())
                .target(PostgresTargets.app(server, "postgres", "sslmode=disable")).setting("max-age", maxAge)
                .timeout(Duration.ofSeconds(10)).run().result();
    }

    private static PostgresTestServer start(PostgresTestServer.Builder builder) throws Exception {
        return builder.hba("host all all 127.0.0.1/32 scram-sha-256").initSql(PostgresTargets.APP_ROLE).start();
    }

    /** Archiving is asynchronous: wait up to 10 s for the archiver to count the switched file. */
    private static void switchWal(PostgresTestServer server, String counter) throws Exception {
        server.execute("SELECT pg_switch_wal()");
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end && server.execute("SELECT " + counter + " FROM pg_stat_archiver").equals("0")) {
            Thread.sleep(50);
        }
        assertThat(server.execute("SELECT " + counter + " FROM pg_stat_archiver")).isNotEqualTo("0");
    }

    private static Result run(PostgresTestServer server) {
        return ProbeTestKit.forProbe(new WalArchivingProbe()).target(PostgresTargets.app(server, "postgres",
                "sslmode=disable")).timeout(Duration.ofSeconds(10)).run().result();
    }
}
