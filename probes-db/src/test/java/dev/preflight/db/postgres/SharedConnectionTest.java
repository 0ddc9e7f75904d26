package dev.preflight.db.postgres;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.Preflight;
import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.db.postgres.internal.PostgresSession;
import dev.preflight.db.postgres.internal.PostgresUrl;
import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.PostgresTestServer;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one connection a target's probes share: opened once per run, read-only, bound by each probe's deadline. */
class SharedConnectionTest {
    private static PostgresTestServer server;

    @BeforeAll
    static void start() throws Exception {
        PostgresTestServer.assumeAvailable();
        server = PostgresTestServer.builder()
                .hba("host all all 127.0.0.1/32 scram-sha-256")
                .setting("log_connections", "on")
                .database("app")
                .initSql("app", PostgresTargets.APP_ROLE + " CREATE TABLE orders (id int); GRANT SELECT ON orders TO app;")
                .start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyProbeOfATargetSharesOneLoginInARun() {
        Report report = Preflight.builder().discoverProbes(false)
                .addProbe(new PostgresTlsProbe()).addProbe(new PostgresAuthProbe())
                .addProbe(new WalArchivingProbe()).addProbe(new PostgresSettingsProbe())
                .target(PostgresTargets.app(server, "app", "sslmode=disable"))
                .timeout(Duration.ofSeconds(10)).build().run();

        assertThat(report.outcomes()).hasSize(4).allSatisfy(o -> assertThat(o.status()).isNotEqualTo(Status.ERROR));
        // The auth probe's StartupMessages are never authorized (scram asks for a password first).
        assertThat(count(Pattern.compile("connection authorized: user=app database=app"), server.log())).isEqualTo(1);
    }

    @Test
    void theConnectionIsReadOnly() throws Exception {
        ProbeContext context = kit(PostgresTargets.app(server, "app", "sslmode=disable")).context();
        PostgresUrl url = PostgresUrl.of(context.target()).orElseThrow();
        try (PostgresSession session = PostgresSession.of(context, url)) {
            assertThatThrownBy(() -> session.use(context, sql -> sql.rows("DELETE FROM orders RETURNING id")))
                    .isInstanceOf(SQLException.class).hasMessageContaining("read-only transaction");
            // The failed turn is rolled back: the next one works.
            long rows = session.use(context, sql -> sql.row("SELECT count(*) AS n FROM orders").number("n"));
            assertThat(rows).isZero();
        }
    }

    @Test
    void aStatementEndsAtTheProbesDeadline() throws Exception {
        ProbeContext context = kit(PostgresTargets.app(server, "app", "sslmode=disable"))
                .timeout(Duration.ofMillis(1500)).context();
        PostgresUrl url = PostgresUrl.of(context.target()).orElseThrow();
        long start = System.nanoTime();
        try (PostgresSession session = PostgresSession.of(context, url)) {
            assertThatThrownBy(() -> session.use(context, sql -> sql.rows("SELECT pg_sleep(10)")))
                    .isInstanceOf(SQLException.class);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3000));
    }

    @Test
    void aWrongPasswordIsAnErrorNamingTheLoginNotThePassword() {
        ProbeOutcome outcome = kit(PostgresTargets.url(server, "app", "not-the-password", "app", "sslmode=disable"))
                .run();

        assertThat(outcome.result()).isError().hasSummaryContaining("refused the login of app")
                .containsNoText("not-the-password");
    }

    @Test
    void aSilentServerIsAnErrorAtTheDeadline() {
        try (ContractTargets targets = ContractTargets.open()) {
            ProbeOutcome outcome = ProbeTestKit.forProbe(new PostgresSettingsProbe())
                    .target(Target.forUrl("postgresql://app:pw@" + targets.silentServer() + "/app"))
                    .timeout(Duration.ofSeconds(1)).run();

            assertThat(outcome.result()).isError();
            assertThat(outcome.duration()).isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void theHostIsResolvedThroughTheRunsNetworkSoResolveApplies() {
        // A name no DNS knows: only the override leads to the server.
        Target target = Target.forUrl("postgresql://app:" + PostgresTargets.APP_PASSWORD + "@db.preflight.test:"
                + server.port() + "/app?sslmode=disable");
        NetworkSettings resolve = NetworkSettings.builder()
                .hostOverride(HostOverride.parse("db.preflight.test:" + server.port() + ":127.0.0.1")).build();

        ProbeOutcome outcome = kit(target).network(resolve).run();

        assertThat(outcome.result()).hasDetailKey("maxConnections").hasSubject("db.preflight.test:" + server.port());
        assertThat(outcome.status()).isNotEqualTo(Status.ERROR);
    }

    private static ProbeTestKit kit(Target target) {
        return ProbeTestKit.forProbe(new PostgresSettingsProbe()).target(target).timeout(Duration.ofSeconds(10));
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
