package dev.preflight.db.postgres;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.PostgresTestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * postgres.migrations against the history tables of Flyway, Liquibase, Django, Alembic and Prisma,
 * as the tools create them, one database per case on one server, read by a role that is no
 * superuser. The probe only reads, so the cases share the server.
 */
class PostgresMigrationsProbeTest {
    private static final String FLYWAY = """
            CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY, version VARCHAR(50),
              description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL, script VARCHAR(1000) NOT NULL,
              checksum INT, installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT now(),
              execution_time INT NOT NULL, success BOOLEAN NOT NULL);
            INSERT INTO flyway_schema_history VALUES
              (1, '1', 'init', 'SQL', 'V1__init.sql', 1996767037, 'app', '2026-11-30 10:00:00', 546, true),
              (2, '2', 'add orders', 'SQL', 'V2__add_orders.sql', 1279644856, 'app', '2026-12-01 09:18:00', 127, true);
            """;
    private static final String FLYWAY_FAILED = FLYWAY + """
            INSERT INTO flyway_schema_history VALUES (3, '3', 'index orders concurrently', 'SQL',
              'V3__index_orders_concurrently.sql', -871230556, 'app', '2026-12-05 17:45:05', 12, false);
            """;
    private static final String LIQUIBASE = """
            CREATE TABLE databasechangelog (id VARCHAR(255) NOT NULL, author VARCHAR(255) NOT NULL,
              filename VARCHAR(255) NOT NULL, dateexecuted TIMESTAMP NOT NULL, orderexecuted INTEGER NOT NULL,
              exectype VARCHAR(10) NOT NULL, md5sum VARCHAR(35), description VARCHAR(255), comments VARCHAR(255),
              tag VARCHAR(255), liquibase VARCHAR(20), contexts VARCHAR(255), labels VARCHAR(255),
              deployment_id VARCHAR(10));
            CREATE TABLE databasechangeloglock (id INTEGER NOT NULL PRIMARY KEY, locked BOOLEAN NOT NULL,
              lockgranted TIMESTAMP, lockedby VARCHAR(255));
            INSERT INTO databasechangelog VALUES
              ('create-customers', 'ana', 'db/changelog/001.xml', '2026-11-02 08:00:01', 1, 'EXECUTED',
               '9:0f4a9bd2c1e0f3a0b7d1c2e3f4a5b6c7', 'createTable tableName=customers', '', NULL, '4.31.1', NULL, NULL,
               '4761600001'),
              ('add-email', 'ana', 'db/changelog/002.xml', '2026-11-20 08:00:02', 2, 'EXECUTED',
               '9:1a2b3c4d5e6f708192a3b4c5d6e7f809', 'addColumn tableName=customers', '', NULL, '4.31.1', NULL, NULL,
               '4761600002');
            """;
    private static final String LOCK_FREE = "INSERT INTO databasechangeloglock VALUES (1, false, NULL, NULL);";
    private static final String DJANGO = """
            CREATE TABLE django_migrations (id bigserial PRIMARY KEY, app varchar(255) NOT NULL,
              name varchar(255) NOT NULL, applied timestamptz NOT NULL);
            INSERT INTO django_migrations (app, name, applied) VALUES
              ('contenttypes', '0001_initial', '2026-10-01 12:00:00+00'),
              ('shop', '0007_order_status', '2026-12-04 16:30:00+00');
            """;
    private static final String ALEMBIC = """
            CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL,
              CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
            INSERT INTO alembic_version VALUES ('ae1027a6acf');
            """;
    private static final String PRISMA = """
            CREATE TABLE _prisma_migrations (id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL,
              finished_at TIMESTAMPTZ, migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ,
              started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0);
            INSERT INTO _prisma_migrations VALUES
              ('2b1f0d6e-5c1a-4f61-9a49-1f3c8e0c7a11', 'c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00',
               '2026-11-15 09:00:02+00', '20261115090000_init', NULL, NULL, '2026-11-15 09:00:00+00', 1),
              ('8d3e47a2-0b9e-4c55-8f0f-6a7e2d9b1c22', 'beef0000beef0000beef0000beef0000beef0000beef0000beef0000beef0000',
               NULL, '20261120100000_add_tags', 'a first try that was rolled back', '2026-11-20 10:05:00+00',
               '2026-11-20 10:00:00+00', 0);
            """;
    private static final String PRISMA_UNFINISHED = PRISMA + """
            INSERT INTO _prisma_migrations VALUES ('f7c1a9e0-3d2b-4e8a-b6c5-0a1b2c3d4e55',
              'feed0000feed0000feed0000feed0000feed0000feed0000feed0000feed0000', NULL, '20261205120000_add_sku',
              'Database error code: 23505 could not create unique index', NULL, '2026-12-05 12:00:00+00', 0);
            """;
    private static final String GRANT = "GRANT SELECT ON ALL TABLES IN SCHEMA public TO app;";

    private static PostgresTestServer server;

    @BeforeAll
    static void start() throws Exception {
        if (!PostgresTestServer.isAvailable()) {
            return;
        }
        server = PostgresTestServer.builder().hba("host all all 127.0.0.1/32 scram-sha-256")
                .initSql(PostgresTargets.APP_ROLE)
                .database("clean").initSql("clean", FLYWAY + DJANGO + ALEMBIC + PRISMA + GRANT
                        + "CREATE SCHEMA audit; GRANT USAGE ON SCHEMA audit TO app; SET search_path = audit;"
                        + LIQUIBASE + LOCK_FREE + "GRANT SELECT ON ALL TABLES IN SCHEMA audit TO app;")
                .database("flyway_failed").initSql("flyway_failed", FLYWAY_FAILED + GRANT)
                .database("prisma_unfinished").initSql("prisma_unfinished", PRISMA_UNFINISHED + GRANT)
                .database("liquibase_locked").initSql("liquibase_locked", LIQUIBASE
                        + "INSERT INTO databasechangeloglock VALUES (1, true, localtimestamp - interval '3 hours',"
                        + " 'deploy-7f9c (10.0.3.17)');" + GRANT)
                .database("liquibase_locking").initSql("liquibase_locking", LIQUIBASE
                        + "INSERT INTO databasechangeloglock VALUES (1, true, localtimestamp, 'deploy-8a01 (10.0.3.18)');"
                        + GRANT)
                .database("none").initSql("none", "CREATE TABLE orders (id int); " + GRANT)
                .database("private").initSql("private", FLYWAY + "CREATE SCHEMA ops;"
                        + " CREATE TABLE ops.alembic_version (version_num VARCHAR(32) PRIMARY KEY);"
                        + " GRANT SELECT ON ops.alembic_version TO app;")
                .database("odd").initSql("odd", "CREATE TABLE alembic_version (id int);"
                        + " CREATE TABLE django_migrations (id int, app text, name text, applied timestamptz);"
                        + " CREATE SCHEMA branches; CREATE TABLE branches.alembic_version (version_num VARCHAR(32));"
                        + " INSERT INTO branches.alembic_version VALUES ('1975ea83b712'), ('27c6a30d7c24');"
                        + GRANT + " GRANT USAGE ON SCHEMA branches TO app;"
                        + " GRANT SELECT ON ALL TABLES IN SCHEMA branches TO app;")
                .start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void cleanHistoriesOfEveryToolPassAndNameTheLatestMigration() {
        PostgresTestServer.assumeAvailable();
        Result result = run("clean");
        assertThat(result).isPass().hasSummaryContaining("no failed or unfinished migration in the history of"
                + " Liquibase, Prisma, Alembic, Django, Flyway (Django's table shows only applied migrations)");
        assertThat(result.details().get("tables")).asList().hasSize(6).contains("Flyway: public.flyway_schema_history",
                "Liquibase: audit.databasechangelog");
        assertThat(result.details().get("latest")).asList().containsExactly(
                "Liquibase (audit.databasechangelog): 2 applied, latest add-email by ana (db/changelog/002.xml)"
                        + " at 2026-11-20 08:00:02",
                "Liquibase (audit.databasechangeloglock): change-log lock free",
                // The rolled-back first try is neither unfinished nor the latest.
                "Prisma (public._prisma_migrations): 1 applied, latest 20261115090000_init at 2026-11-15T09:00:02Z",
                "Alembic (public.alembic_version): head ae1027a6acf",
                "Django (public.django_migrations): 2 applied, latest shop.0007_order_status at 2026-12-04T16:30:00Z;"
                        + " Django records a migration only once applied, so a failed or unfinished one is not ruled out",
                "Flyway (public.flyway_schema_history): 2 applied, latest 2 (add orders) at 2026-12-01 09:18:00");
    }

    @Test
    void aFailedFlywayMigrationFailsNamingItsVersionAndStart() {
        PostgresTestServer.assumeAvailable();
        Result result = run("flyway_failed");
        // Its history's latest success is still reported, but nothing claims the history is clean.
        assertThat(result.details()).doesNotContainKey("passed");
        assertThat(result).isFail().hasDetail("latest",
                        List.of("Flyway (public.flyway_schema_history): 2 applied, latest 2 (add orders) at"
                                + " 2026-12-01 09:18:00"))
                .hasSummaryContaining("Flyway migration 3 (index orders concurrently,"
                        + " V3__index_orders_concurrently.sql) failed, started 2026-12-05 17:45:05")
                .hasRemediationContaining("flyway repair");
    }

    @Test
    void anUnfinishedPrismaMigrationFailsButARolledBackOneDoesNot() {
        PostgresTestServer.assumeAvailable();
        Result result = run("prisma_unfinished");
        assertThat(result).isFail().hasSummaryContaining("Prisma migration 20261205120000_add_sku started"
                + " 2026-12-05T12:00:00Z and never finished (its error is in the logs column)");
        assertThat(result.summary()).doesNotContain("20261120100000_add_tags").doesNotContain("23505");
    }

    @Test
    void aLiquibaseLockHeldForHoursFailsAndAFreshOneWarns() {
        PostgresTestServer.assumeAvailable();
        assertThat(run("liquibase_locked")).isFail()
                .hasSummaryContaining("Liquibase's change-log lock is held by deploy-7f9c (10.0.3.17) since")
                .hasSummaryContaining("a stuck lock").hasRemediationContaining("release-locks");
        assertThat(run("liquibase_locking")).isWarn().hasSummaryContaining("an update may be running now");
    }

    @Test
    void noHistoryTableSkipsNamingTheTablesLookedFor() {
        PostgresTestServer.assumeAvailable();
        assertThat(run("none")).isSkip().hasSummaryContaining("no migration history in database none")
                .hasSummaryContaining("flyway_schema_history, databasechangelog, databasechangeloglock,"
                        + " django_migrations, alembic_version, _prisma_migrations");
    }

    @Test
    void aHistoryTheRoleMayNotReadWarnsAsNotVerified() {
        PostgresTestServer.assumeAvailable();
        Result result = run("private");
        // No privilege on either: the table in public lacks SELECT, the one in ops lacks USAGE on its schema.
        assertThat(result).isWarn()
                .hasSummaryContaining("public.flyway_schema_history (Flyway) is not readable by this role")
                .hasSummaryContaining("ops.alembic_version (Alembic) is not readable by this role")
                .hasRemediationContaining("GRANT SELECT ON public.flyway_schema_history")
                .hasDetail("notVerified", List.of("ops.alembic_version", "public.flyway_schema_history"));
    }

    @Test
    void tablesNotOfTheToolsShapeAndSeveralAlembicHeadsWarn() {
        PostgresTestServer.assumeAvailable();
        Result result = run("odd");
        assertThat(result).isWarn()
                .hasSummaryContaining("public.alembic_version does not read as Alembic's history")
                .hasSummaryContaining("Alembic has 2 heads [1975ea83b712, 27c6a30d7c24]")
                .hasDetail("notVerified", List.of("public.alembic_version"));
        assertThat(result.details().get("latest")).asList()
                .contains("Django (public.django_migrations): no migration applied; Django records a migration only"
                        + " once applied, so a failed or unfinished one is not ruled out");
    }

    private static Result run(String database) {
        return ProbeTestKit.forProbe(new PostgresMigrationsProbe())
                .target(PostgresTargets.app(server, database, "sslmode=disable")).timeout(Duration.ofSeconds(10))
                .run().result();
    }
}
