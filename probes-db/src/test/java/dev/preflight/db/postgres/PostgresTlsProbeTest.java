package dev.preflight.db.postgres;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.PostgresTestServer;
import dev.preflight.testsupport.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** postgres.tls against servers with ssl off, and on with a valid, an expired and a wrong-host certificate. */
class PostgresTlsProbeTest {
    private static final String HBA = "host all all 127.0.0.1/32 scram-sha-256";
    private static HeldCertificate root;
    private static PostgresTestServer valid;
    private static PostgresTestServer expired;
    private static PostgresTestServer wrongHost;
    private static PostgresTestServer plaintext;

    @BeforeAll
    static void start() throws Exception {
        PostgresTestServer.assumeAvailable();
        root = TestCertificates.builder("Preflight Postgres Test Root").certificateAuthority(0).ecP256().build();
        Instant now = Instant.now();
        valid = server(TestCertificates.builder("localhost").dnsNames("localhost").ipAddresses("127.0.0.1")
                .ecP256().signedBy(root).build());
        expired = server(TestCertificates.builder("localhost").dnsNames("localhost").ipAddresses("127.0.0.1")
                .validity(now.minus(90, ChronoUnit.DAYS), now.minus(2, ChronoUnit.DAYS)).ecP256().signedBy(root).build());
        wrongHost = server(TestCertificates.builder("db.other.test").dnsNames("db.other.test").ecP256().signedBy(root)
                .build());
        plaintext = PostgresTestServer.builder().hba(HBA).database("app").initSql(PostgresTargets.APP_ROLE).start();
    }

    private static PostgresTestServer server(HeldCertificate leaf) throws Exception {
        return PostgresTestServer.builder().hba(HBA).ssl(leaf).database("app").initSql(PostgresTargets.APP_ROLE).start();
    }

    @AfterAll
    static void stop() {
        for (PostgresTestServer s : new PostgresTestServer[] {valid, expired, wrongHost, plaintext}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    void verifyFullWithATrustedValidCertificatePasses() {
        Result result = run(PostgresTargets.app(valid, "app", "sslmode=verify-full"));

        assertThat(result).isPass().hasSummaryContaining("the connection uses TLSv1.3")
                .hasSummaryContaining("trusted and valid").hasDetail("version", "TLSv1.3").hasDetailKey("notAfter");
    }

    @Test
    void verifyFullTrustingTheCaThroughSslRootCertPassesWithoutCaFile(@TempDir Path dir) throws Exception {
        Path ca = Files.writeString(dir.resolve("root.pem"), root.certificatePem());
        Target target = PostgresTargets.app(valid, "app", "sslmode=verify-full&sslrootcert=" + ca);

        Result result = ProbeTestKit.forProbe(new PostgresTlsProbe()).target(target).timeout(Duration.ofSeconds(10))
                .run().result();

        // The path is part of the URL's query, which the runner masks like any query value.
        assertThat(result).isPass().hasSummaryContaining("leads to the CA of the URL's sslrootcert")
                .hasDetailKey("sslrootcert").hasDetailKey("notAfter");
        assertThat(result.details()).doesNotContainKey("problems");
    }

    @Test
    void verifyFullWithAnotherCaAsSslRootCertFails(@TempDir Path dir) throws Exception {
        HeldCertificate other = TestCertificates.builder("Some Other Root").certificateAuthority(0).ecP256().build();
        Path ca = Files.writeString(dir.resolve("other.pem"), other.certificatePem());
        Target target = PostgresTargets.app(valid, "app", "sslmode=verify-full&sslrootcert=" + ca);

        Result result = ProbeTestKit.forProbe(new PostgresTlsProbe()).target(target).timeout(Duration.ofSeconds(10))
                .run().result();

        assertThat(result).isFail().hasDetailKey("problems");
    }

    @Test
    void preferWarnsThoughTheConnectionUsesTls() {
        assertThat(run(PostgresTargets.app(valid, "app", "sslmode=prefer"))).isWarn()
                .hasSummaryContaining("falls back to plaintext").hasDetail("version", "TLSv1.3");
    }

    @Test
    void anAbsentSslModeIsPreferAndWarns() {
        assertThat(run(PostgresTargets.app(valid, "app", ""))).isWarn().hasSummaryContaining("absent");
    }

    @Test
    void requireEncryptsButWarnsThatNoCertificateIsVerified() {
        assertThat(run(PostgresTargets.app(valid, "app", "sslmode=require"))).isWarn()
                .hasSummaryContaining("sslmode=require encrypts without verifying the server's certificate")
                .hasRemediationContaining("verify-full");
    }

    @Test
    void verifyCaUsesTlsWithoutJudgingTheName() {
        assertThat(run(PostgresTargets.app(valid, "app", "sslmode=verify-ca"))).isPass()
                .hasSummaryContaining("not judged");
    }

    @Test
    void disableFailsAsThisConnectionIsPlaintext() {
        assertThat(run(PostgresTargets.app(valid, "app", "sslmode=disable"))).isFail()
                .hasSummaryContaining("this connection is plaintext");
    }

    @Test
    void anExpiredCertificateFailsUnderVerifyFull() {
        assertThat(run(PostgresTargets.app(expired, "app", "sslmode=verify-full"))).isFail()
                .hasSummaryContaining("expired");
    }

    @Test
    void aCertificateForAnotherHostFailsUnderVerifyFull() {
        assertThat(run(PostgresTargets.app(wrongHost, "app", "sslmode=verify-full"))).isFail()
                .hasSummaryContaining("127.0.0.1");
    }

    @Test
    void aServerWithSslOffFails() {
        assertThat(run(PostgresTargets.app(plaintext, "app", "sslmode=prefer"))).isFail()
                .hasSummaryContaining("ssl = off");
    }

    @Test
    void verifyFullAgainstAServerWithoutTlsFails() {
        assertThat(run(PostgresTargets.app(plaintext, "app", "sslmode=verify-full"))).isFail()
                .hasSummaryContaining("refuses TLS");
    }

    private static Result run(Target target) {
        return ProbeTestKit.forProbe(new PostgresTlsProbe()).target(target).timeout(Duration.ofSeconds(10))
                .network(NetworkSettings.builder().trust(List.of(root.certificate()))
                        .build())
                .run().result();
    }
}
