package dev.preflight.email;

import static dev.preflight.email.MailCertificates.EXPIRED;
import static dev.preflight.email.MailCertificates.HOST;
import static dev.preflight.email.MailCertificates.OTHER_NAME;
import static dev.preflight.email.MailCertificates.VALID;
import static dev.preflight.email.MailCertificates.kit;
import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.ProbeOutcome;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.MailboxTestServer;
import dev.preflight.testsupport.SmtpTestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code smtp.starttls} against in-process SMTP servers (subethasmtp) serving minted chains. */
@SuppressWarnings("unchecked")
class StartTlsProbeTest {

    @Test
    void aTrustedCertificateAfterStartTlsPassesAndReadsLikeTlsCertificate() throws Exception {
        try (SmtpTestServer server = startTls(VALID)) {
            Result result = run(server);

            assertThat(result).isPass().hasSummaryContaining("certificate for " + HOST + " is trusted and valid for")
                    .hasSubject(HOST + ":" + server.port())
                    .hasDetail("sans", List.of(HOST))
                    .hasDetailKey("notAfter")
                    .hasDetailKey("cipherSuite");
            assertThat(result.details().get("protocol")).isIn("TLSv1.2", "TLSv1.3");
            assertThat((List<Object>) result.details().get("extensions")).contains("AUTH");
        }
    }

    @Test
    void noStartTlsFailsBecauseMailAndCredentialsCrossInClear() throws Exception {
        try (SmtpTestServer server = SmtpTestServer.builder().credentials("app", "Qv7-plain-x2").start()) {
            Result result = run(server);

            assertThat(result).isFail().hasSummaryContaining("does not offer STARTTLS")
                    .hasSummaryContaining("in clear").hasRemediationContaining("STARTTLS");
            assertThat((List<Object>) result.details().get("extensions")).contains("AUTH").doesNotContain("STARTTLS");
        }
    }

    @Test
    void anExpiredCertificateFailsAsTlsCertificateWould() throws Exception {
        try (SmtpTestServer server = startTls(EXPIRED)) {
            assertThat(run(server)).isFail().hasSummaryContaining("expired").hasDetailKey("protocol");
        }
    }

    @Test
    void aCertificateForAnotherNameFails() throws Exception {
        try (SmtpTestServer server = startTls(OTHER_NAME)) {
            assertThat(run(server)).isFail().hasSummaryContaining(HOST)
                    .hasDetail("sans", List.of("elsewhere.preflight.test"));
        }
    }

    @Test
    void anUntrustedRootFailsWhenTheRunDoesNotTrustIt() throws Exception {
        try (SmtpTestServer server = startTls(VALID)) {
            Result result = ProbeTestKit.forProbe(new StartTlsProbe())
                    .target(Target.forUrl("smtp://127.0.0.1:" + server.port())).run().result();

            assertThat(result).isFail().hasDetail("sans", List.of(HOST));
        }
    }

    @Test
    void anSmtpsTargetIsLeftToImplicitTls() {
        Result result = ProbeTestKit.forProbe(new StartTlsProbe()).target(Target.forUrl("smtps://" + HOST)).run()
                .result();

        assertThat(result).isSkip().hasSummaryContaining("smtp.implicit-tls");
    }

    @Test
    void aServerThatNeverGreetsIsAnErrorAtTheDeadline() {
        try (ContractTargets targets = ContractTargets.open()) {
            ProbeOutcome outcome = ProbeTestKit.forProbe(new StartTlsProbe())
                    .target(Target.forUrl("smtp://" + targets.silentServer())).timeout(Duration.ofSeconds(1)).run();

            assertThat(outcome).tookLessThan(Duration.ofSeconds(3)).result().isError();
            // The probe's own words, or the runner's when its deadline fires first: both say so.
            assertThat(outcome.result().summary()).containsAnyOf("before the deadline", "no answer within 1s");
        }
    }

    @Test
    void anImapServerOnThePortIsNotSmtp() throws Exception {
        // GreenMail through MailboxTestServer: a test JVM's GreenMail servers must share its key store.
        try (MailboxTestServer mailbox = MailboxTestServer.builder().start()) {
            int port = mailbox.imapUri().getPort();
            Result result = ProbeTestKit.forProbe(new StartTlsProbe()).target(Target.forUrl("smtp://127.0.0.1:" + port))
                    .run().result();

            assertThat(result).isFail().hasSummaryContaining("does not answer in SMTP")
                    .hasSummaryContaining("* OK");
        }
    }

    private static SmtpTestServer startTls(HeldCertificate leaf) throws Exception {
        return SmtpTestServer.builder().startTls(leaf).credentials("app", "Qv7-tls-x2").start();
    }

    private static Result run(SmtpTestServer server) {
        return kit(new StartTlsProbe(), "smtp://" + HOST + ":" + server.port(), server.port()).run().result();
    }
}
