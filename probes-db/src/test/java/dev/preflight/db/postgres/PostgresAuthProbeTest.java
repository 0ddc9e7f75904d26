package dev.preflight.db.postgres;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.PostgresTestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** postgres.auth against trust and scram pg_hba, a superuser with MD5 secrets, and an owner of every table. */
class PostgresAuthProbeTest {

    @Test
    void trustInPgHbaFailsAndNoPasswordIsSent() throws Exception {
        PostgresTestServer.assumeAvailable();
        try (PostgresTestServer server = PostgresTestServer.builder()
                .hba("host all all 127.0.0.1/32 trust")
                .setting("log_connections", "on")
                .database("app").initSql(PostgresTargets.APP_ROLE).start()) {
            Result result = run(PostgresTargets.app(server, "app", "sslmode=disable"));

            assertThat(result).isFail().hasSummaryContaining("admits app over plaintext without asking for a password")
                    .hasRemediationContaining("scram-sha-256");
            assertThat(result.details().get("withoutPassword")).asList()
                    .contains("app over plaintext: admitted without a password (trust)");
        }
    }

    @Test
    void scramForAnOrdinaryRolePassesAndSaysWhatItCouldNotRead() throws Exception {
        PostgresTestServer.assumeAvailable();
        try (PostgresTestServer server = PostgresTestServer.builder()
                .hba("host all all 127.0.0.1/32 scram-sha-256")
                .database("app").database("shop")
                .initSql(PostgresTargets.APP_ROLE + " CREATE ROLE owner LOGIN PASSWORD 'owner-pw';")
                .initSql("app", "CREATE TABLE orders (id int); CREATE TABLE audit (id int); ALTER TABLE audit OWNER TO app;")
                .initSql("shop", "CREATE TABLE items (id int); CREATE TABLE prices (id int);"
                        + " ALTER TABLE items OWNER TO owner; ALTER TABLE prices OWNER TO owner;")
                .start()) {
            Result ordinary = run(PostgresTargets.app(server, "app", "sslmode=disable"));
            Result owner = run(PostgresTargets.url(server, "owner", "owner-pw", "shop", "sslmode=disable"));

            assertThat(ordinary).isPass().hasSummaryContaining("every TCP login asks for a credential")
                    .hasSummaryContaining("owns 1 of 2 tables").hasSummaryContaining("MD5 secrets not verified")
                    .hasDetail("superuser", false).hasDetail("passwordEncryption", "scram-sha-256");
            assertThat(owner).isWarn().hasSummaryContaining("owns every table (2)");
        }
    }

    @Test
    void aSuperuserWithMd5SecretsWarns() throws Exception {
        PostgresTestServer.assumeAvailable();
        try (PostgresTestServer server = PostgresTestServer.builder()
                .hba("host all all 127.0.0.1/32 md5")
                .setting("password_encryption", "md5")
                .superuserPassword("super-pw")
                .initSql("CREATE ROLE legacy LOGIN PASSWORD 'legacy-pw';")
                .start()) {
            Result result = run(PostgresTargets.url(server, "postgres", "super-pw", "postgres", "sslmode=disable"));

            assertThat(result).isWarn().hasSummaryContaining("is a superuser")
                    .hasSummaryContaining("password_encryption = md5")
                    .hasSummaryContaining("roles keep MD5 secrets: legacy, postgres")
                    .hasDetail("md5Roles", List.of("legacy", "postgres")).containsNoText("super-pw");
        }
    }

    @Test
    void aServerThatDoesNotSpeakPostgresFails() throws Exception {
        try (ServerSocket http = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> answerLikeHttp(http));
            answering.setDaemon(true);
            answering.start();

            Result result = run(Target.forUrl("postgresql://app:pw@127.0.0.1:" + http.getLocalPort() + "/app"));

            assertThat(result).isFail().hasSummaryContaining("does not speak PostgreSQL's protocol")
                    .hasSummaryContaining("type H");
        }
    }

    /** A web server on the database's port: whatever it is sent, an HTTP error. */
    private static void answerLikeHttp(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                client.getInputStream().read(new byte[256]);
                client.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // Closed at the end of the test, or the client went away.
            }
        }
    }

    private static Result run(Target target) {
        return ProbeTestKit.forProbe(new PostgresAuthProbe()).target(target).timeout(Duration.ofSeconds(10)).run()
                .result();
    }
}
