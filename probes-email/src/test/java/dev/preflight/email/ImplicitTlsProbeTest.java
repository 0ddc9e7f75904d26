package dev.preflight.email;

import static dev.preflight.email.MailCertificates.EXPIRED;
import static dev.preflight.email.MailCertificates.HOST;
import static dev.preflight.email.MailCertificates.VALID;
import static dev.preflight.email.MailCertificates.kit;
import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.ProbeOutcome;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.MailboxTestServer;
import dev.preflight.testsupport.OpenSslServer;
import dev.preflight.testsupport.SmtpTestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code smtp.implicit-tls} against SMTPS servers: subethasmtp with minted chains, GreenMail with its
 * own certificate, and OpenSSL speaking only TLS 1.1.
 */
class ImplicitTlsProbeTest {

    @Test
    void aTrustedCertificateAndAGreetingPass() throws Exception {
        try (SmtpTestServer server = SmtpTestServer.builder().implicitTls(VALID).start()) {
            Result result = run("smtps://" + HOST + ":" + server.port(), server.port());

            assertThat(result).isPass().hasSummaryContaining("certificate for " + HOST + " is trusted")
                    .hasSubject(HOST + ":" + server.port()).hasDetail("sans", List.of(HOST));
            assertThat((String) result.details().get("greeting")).startsWith("220 ");
            assertThat(result.details().get("protocol")).isIn("TLSv1.2", "TLSv1.3");
            assertThat(result.details().get("extensions").toString()).contains("8BITMIME");
        }
    }

    @Test
    void anExpiredCertificateFails() throws Exception {
        try (SmtpTestServer server = SmtpTestServer.builder().implicitTls(EXPIRED).start()) {
            assertThat(run("smtps://" + HOST + ":" + server.port(), server.port())).isFail()
                    .hasSummaryContaining("expired").hasDetailKey("greeting");
        }
    }

    @Test
    void greenMailShakesHandsAndGreetsButItsCertificateIsNotTrustedHere() throws Exception {
        // GreenMail through MailboxTestServer: a test JVM's GreenMail servers must share its key store.
        // Its root is not trusted by this run, so the chain fails while the greeting is still read.
        try (MailboxTestServer mailbox = MailboxTestServer.builder().start()) {
            int port = mailbox.smtpsPort();
            Result result = run("smtps://" + HOST + ":" + port, port);

            assertThat(result).isFail().hasDetailKey("chain").hasDetailKey("protocol");
            assertThat((String) result.details().get("greeting")).startsWith("220 ").contains("GreenMail");
        }
    }

    @Test
    void anSmtpTargetIsSkippedUnlessAPortIsConfigured() {
        Result result = ProbeTestKit.forProbe(new ImplicitTlsProbe()).target(Target.forUrl("smtp://" + HOST)).run()
                .result();

        assertThat(result).isSkip().hasSummaryContaining("implicit TLS not configured")
                .hasSummaryContaining("smtp.implicit-tls.port");
    }

    @Test
    void theSettingPortChecksImplicitTlsOnTheSameHost() throws Exception {
        try (SmtpTestServer server = SmtpTestServer.builder().implicitTls(VALID).start()) {
            Result result = kit(new ImplicitTlsProbe(), "smtp://" + HOST + ":587", server.port())
                    .setting("port", String.valueOf(server.port())).run().result();

            assertThat(result).isPass().hasSubject(HOST + ":" + server.port());
        }
    }

    @Test
    void aPlaintextServerOnTheConfiguredPortIsAnErrorNamingThatPort() throws Exception {
        try (SmtpTestServer plaintext = SmtpTestServer.builder().start()) {
            Result result = kit(new ImplicitTlsProbe(), "smtp://" + HOST + ":587", plaintext.port())
                    .setting("port", String.valueOf(plaintext.port())).run().result();

            assertThat(result).isError().hasSubject(HOST + ":" + plaintext.port())
                    .hasSummaryContaining("TLS handshake with " + HOST + ":" + plaintext.port() + " failed");
        }
    }

    @Test
    void aPortThatIsNoPortIsAnInvalidSetting() {
        Result result = ProbeTestKit.forProbe(new ImplicitTlsProbe()).target(Target.forUrl("smtp://" + HOST))
                .setting("port", "70000").run().result();

        assertThat(result).isError().hasSummaryContaining("smtp.implicit-tls.port");
    }

    @Test
    void aServerThatSpeaksOnlyTls11Fails() throws Exception {
        OpenSslServer.assumeAvailable();
        try (OpenSslServer old = OpenSslServer.start(VALID, "-tls1_1", "-cipher", "ALL:@SECLEVEL=0")) {
            Result result = run("smtps://" + HOST + ":" + old.port(), old.port());

            assertThat(result).isFail().hasSummaryContaining("TLS 1.1 or older")
                    .hasRemediationContaining("TLS 1.2");
        }
    }

    @Test
    void aServerThatNeverShakesHandsIsAnErrorAtTheDeadline() {
        try (ContractTargets targets = ContractTargets.open()) {
            ProbeOutcome outcome = ProbeTestKit.forProbe(new ImplicitTlsProbe())
                    .target(Target.forUrl("smtps://" + targets.silentServer())).timeout(Duration.ofSeconds(1)).run();

            assertThat(outcome).tookLessThan(Duration.ofSeconds(3)).result().isError();
            assertThat(outcome.result().summary()).containsAnyOf("before the deadline", "no answer within 1s");
        }
    }

    private static Result run(String url, int port) {
        return kit(new ImplicitTlsProbe(), url, port).run().result();
    }
}
