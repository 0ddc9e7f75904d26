package dev.preflight.db.postgres;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.PostgresTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** postgres.settings against fsync off, a default server, and one with pg_stat_statements and few connections left. */
class PostgresSettingsProbeTest {
    private static final String HBA = "host all all 127.0.0.1/32 scram-sha-256";

    @Test
    void fsyncOffFails() throws Exception {
        PostgresTestServer.assumeAvailable();
        try (PostgresTestServer server = PostgresTestServer.builder().hba(HBA).setting("fsync", "off")
                .setting("log_min_duration_statement", "500").initSql(PostgresTargets.APP_ROLE).start()) {
            assertThat(run(PostgresTargets.app(server, "postgres", "sslmode=disable"))).isFail()
                    .hasSummaryContaining("fsync is off").hasDetail("fsync", "off").hasDetail("fullPageWrites", "on");
        }
    }

    @Test
    void aDefaultServerWarnsThatNoQueryIsMonitoredOrThatItCouldNotTell() throws Exception {
        PostgresTestServer.assumeAvailable();
        try (PostgresTestServer server = PostgresTestServer.builder().hba(HBA).superuserPassword("super-pw")
                .initSql(PostgresTargets.APP_ROLE).start()) {
            assertThat(run(PostgresTargets.url(server, "postgres", "super-pw", "postgres", "sslmode=disable"))).isWarn()
                    .hasSummaryContaining("no query monitoring").hasDetail("sharedPreloadLibraries", "")
                    .hasDetail("logMinDurationStatement", "-1");
            // shared_preload_libraries is for superusers and pg_read_all_settings only.
            assertThat(run(PostgresTargets.app(server, "postgres", "sslmode=disable"))).isWarn()
                    .hasSummaryContaining("query monitoring is not verified")
                    .hasDetail("sharedPreloadLibraries", "hidden from this role");
        }
    }

    @Test
    void aSlowQueryLogIsQueryMonitoringEvenWhenTheLibrariesAreHidden() throws Exception {
        PostgresTestServer.assumeAvailable();
        try (PostgresTestServer server = PostgresTestServer.builder().hba(HBA)
                .setting("log_min_duration_statement", "250").initSql(PostgresTargets.APP_ROLE).start()) {
            assertThat(run(PostgresTargets.app(server, "postgres", "sslmode=disable"))).isPass()
                    .hasSummaryContaining("log_min_duration_statement = 250 ms")
                    .hasSummaryContaining("fsync on");
        }
    }

    @Test
    void pgStatStatementsPassesUntilConnectionsRunOut() throws Exception {
        PostgresTestServer.assumeAvailable();
        try (PostgresTestServer server = PostgresTestServer.builder().hba(HBA)
                .setting("shared_preload_libraries", "pg_stat_statements").setting("max_connections", "10")
                .superuserPassword("super-pw").start()) {
            Target target = PostgresTargets.url(server, "postgres", "super-pw", "postgres", "sslmode=disable");
            assertThat(run(target)).isPass().hasSummaryContaining("queries are monitored (pg_stat_statements)")
                    .hasDetail("maxConnections", 10L);

            List<Connection> held = new ArrayList<>();
            try {
                Properties login = new Properties();
                login.setProperty("user", "postgres");
                login.setProperty("password", "super-pw");
                for (int i = 0; i < 6; i++) {
                    held.add(DriverManager.getConnection(server.jdbcUrl("postgres"), login));
                }
                // 6 held, the probe's own: 7 of 10 (70 %) passes at the default, warns at 60 %.
                assertThat(run(target)).isPass().hasDetail("connections", 7L);
                Result crowded = ProbeTestKit.forProbe(new PostgresSettingsProbe()).target(target)
                        .setting("connections-warn-percent", "60").timeout(Duration.ofSeconds(10)).run().result();
                assertThat(crowded).isWarn().hasSummaryContaining("7 of max_connections 10 connections in use");
            } finally {
                for (Connection c : held) {
                    c.close();
                }
            }
        }
    }

    private static Result run(Target target) {
        return ProbeTestKit.forProbe(new PostgresSettingsProbe()).target(target).timeout(Duration.ofSeconds(10)).run()
                .result();
    }
}
