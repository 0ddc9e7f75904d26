package dev.preflight.email;

import static dev.preflight.email.MailCertificates.EXPIRED;
import static dev.preflight.email.MailCertificates.HOST;
import static dev.preflight.email.MailCertificates.VALID;
import static dev.preflight.email.MailCertificates.kit;
import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.SmtpTestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code smtp.auth} against in-process SMTP servers (subethasmtp): AUTH only after TLS, AUTH in
 * plaintext, a failing certificate, wrong and template credentials. The servers count logins, so a
 * test sees whether credentials were sent at all.
 */
class SmtpAuthProbeTest {
    private static final String USER = "app";
    private static final String PASSWORD = "Kq4-vT9x-Lm2w";

    @Test
    void authOnlyAfterTlsAndCredentialsThatLogInPass() throws Exception {
        try (SmtpTestServer server = SmtpTestServer.builder().startTls(VALID).credentials(USER, PASSWORD).start()) {
            Result result = run(server, PASSWORD);

            assertThat(result).isPass().hasSummaryContaining("only over TLS").hasDetail("login", "accepted")
                    .hasDetail("mechanisms", List.of("PLAIN", "LOGIN")).hasSubject(HOST + ":" + server.port());
            assertThat((String) result.details().get("authBeforeTls")).startsWith("refused (5");
            assertThat(server.logins()).isEqualTo(1);
        }
    }

    @Test
    void authInPlaintextWithoutStartTlsFailsAndNoCredentialIsSent() throws Exception {
        try (SmtpTestServer server = SmtpTestServer.builder().credentials(USER, PASSWORD).start()) {
            Result result = run(server, PASSWORD);

            assertThat(result).isFail().hasSummaryContaining("AUTH is advertised before TLS")
                    .hasSummaryContaining("credentials may cross the network in clear")
                    .hasDetail("authBeforeTls", "advertised").hasDetail("login", "not attempted: no TLS")
                    .hasRemediationContaining("smtpd_tls_auth_only");
            assertThat(result.details().get("problems").toString()).contains("offers no STARTTLS");
            assertThat(server.logins() + server.failedLogins()).isZero();
        }
    }

    @Test
    void authAdvertisedBeforeStartTlsFailsEvenThoughTheLoginWorksOverTls() throws Exception {
        try (SmtpTestServer server = SmtpTestServer.builder().startTls(VALID).credentials(USER, PASSWORD)
                .authBeforeTls().start()) {
            Result result = run(server, PASSWORD);

            assertThat(result).isFail().hasSummaryContaining("AUTH is advertised before TLS (PLAIN LOGIN)")
                    .hasDetail("login", "accepted");
            assertThat(server.logins()).isEqualTo(1);
        }
    }

    @Test
    void anExpiredCertificateKeepsTheCredentialsFromBeingSent() throws Exception {
        try (SmtpTestServer server = SmtpTestServer.builder().startTls(EXPIRED).credentials(USER, PASSWORD).start()) {
            Result result = run(server, PASSWORD);

            assertThat(result).isError().hasSummaryContaining("the credentials were not sent")
                    .hasSummaryContaining("expired").hasSummaryContaining("smtp.starttls")
                    .hasDetail("login", "withheld: the certificate fails");
            assertThat(server.logins() + server.failedLogins()).isZero();
        }
    }

    @Test
    void aWrongPasswordFailsWithTheServersReplyAndAppearsNowhere() throws Exception {
        String wrong = "Zr8-wrong-Np3q";
        try (SmtpTestServer server = SmtpTestServer.builder().startTls(VALID).credentials(USER, PASSWORD).start()) {
            ProbeTestKit kit = kit(new SmtpAuthProbe(), url(server, wrong), server.port());
            Report report = kit.runReport();
            // Straight from the probe, before the runner redacts anything.
            Result unredacted = new SmtpAuthProbe().check(kit.context());

            assertThat(report).hasOutcome("smtp.auth").result().isFail()
                    .hasSummaryContaining("refuses the configured credentials: 535")
                    .hasDetail("login", "refused (535)");
            assertThat(report).containsNoText(wrong);
            assertThat(unredacted).isFail().hasSummaryContaining("535").containsNoText(wrong);
            assertThat(server.failedLogins()).isEqualTo(2);
            assertThat(server.logins()).isZero();
        }
    }

    @Test
    void withoutCredentialsTheLoginIsNotVerified() throws Exception {
        try (SmtpTestServer server = SmtpTestServer.builder().startTls(VALID).credentials(USER, PASSWORD).start()) {
            Result result = kit(new SmtpAuthProbe(), "smtp://" + HOST + ":" + server.port(), server.port()).run()
                    .result();

            assertThat(result).isWarn().hasSummaryContaining("the login is not verified")
                    .hasSummaryContaining("no credentials").hasDetail("login", "not verified: no credentials");
        }
    }

    @Test
    void templateCredentialsAreNeverSentNorCalledVerified() throws Exception {
        try (SmtpTestServer server = SmtpTestServer.builder().startTls(VALID).credentials(USER, PASSWORD).start()) {
            for (String template : List.of("YOUR_SMTP_PASSWORD", "changeme", "<password>")) {
                Result result = run(server, template);

                assertThat(result).as(template).isFail().hasSummaryContaining("the configured password")
                        .hasSummaryContaining("not sent").hasDetail("login", "not attempted: template credentials");
            }
            Result templateUser = kit(new SmtpAuthProbe(), "smtp://your-email%40gmail.com:" + PASSWORD + "@" + HOST
                    + ":" + server.port(), server.port()).run().result();
            assertThat(templateUser).isFail().hasSummaryContaining("the configured user name");
            assertThat(server.logins() + server.failedLogins()).isZero();
        }
    }

    @Test
    void implicitTlsLogsInFromTheFirstByte() throws Exception {
        try (SmtpTestServer server = SmtpTestServer.builder().implicitTls(VALID).credentials(USER, PASSWORD).start()) {
            Result result = kit(new SmtpAuthProbe(), "smtps://" + USER + ":" + PASSWORD + "@" + HOST + ":"
                    + server.port(), server.port()).run().result();

            assertThat(result).isPass().hasDetail("login", "accepted");
            assertThat(result.details()).doesNotContainKey("authBeforeTls");
            assertThat(server.logins()).isEqualTo(1);
        }
    }

    @Test
    void aServerThatNeverGreetsIsAnErrorAtTheDeadline() {
        try (ContractTargets targets = ContractTargets.open()) {
            ProbeOutcome outcome = ProbeTestKit.forProbe(new SmtpAuthProbe())
                    .target(Target.forUrl("smtp://" + USER + ":" + PASSWORD + "@" + targets.silentServer()))
                    .timeout(Duration.ofSeconds(1)).run();

            assertThat(outcome).tookLessThan(Duration.ofSeconds(3)).result().isError();
            assertThat(outcome.result().summary()).containsAnyOf("before the deadline", "no answer within 1s");
            // Nothing but the QUIT of a client giving up: no AUTH, no credential.
            assertThat(targets.silentServerBytesReceived()).isLessThanOrEqualTo("QUIT\r\n".length());
        }
    }

    private static Result run(SmtpTestServer server, String password) {
        return kit(new SmtpAuthProbe(), url(server, password), server.port()).run().result();
    }

    private static String url(SmtpTestServer server, String password) {
        return "smtp://" + USER + ":" + password.replace("<", "%3C").replace(">", "%3E") + "@" + HOST + ":"
                + server.port();
    }
}
