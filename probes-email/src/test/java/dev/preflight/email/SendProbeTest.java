package dev.preflight.email;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.MailboxTestServer;
import dev.preflight.testsupport.SmtpTestServer;
import dev.preflight.testsupport.TestCertificates;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code smtp.send} against real servers: GreenMail as the mailbox provider (SMTPS submission, IMAPS
 * mailbox, its filing standing in for the receiving side's spam filter and trace headers), and
 * subethasmtp for STARTTLS submission. Host names reach 127.0.0.1 through {@code --resolve}-style
 * overrides; the minted roots are trusted the way {@code --ca-file} trusts them.
 */
class SendProbeTest {
    private static final String HOST = MailboxTestServer.HOST_NAME;
    private static final HeldCertificate SUBMISSION_ROOT = TestCertificates.builder("Preflight submission test root")
            .validity(Instant.now().minusSeconds(3600), Instant.now().plus(Duration.ofDays(365)))
            .certificateAuthority(0).build();
    private static final HeldCertificate SUBMISSION_LEAF = TestCertificates.builder(HOST).dnsNames(HOST)
            .validity(Instant.now().minusSeconds(3600), Instant.now().plus(Duration.ofDays(90)))
            .signedBy(SUBMISSION_ROOT).build();
    private static final HeldCertificate OTHER_HOST_LEAF = TestCertificates.builder("other.preflight.test")
            .dnsNames("other.preflight.test")
            .validity(Instant.now().minusSeconds(3600), Instant.now().plus(Duration.ofDays(90)))
            .signedBy(SUBMISSION_ROOT).build();
    private static final HeldCertificate UNTRUSTED_LEAF = TestCertificates.builder(HOST).dnsNames(HOST)
            .validity(Instant.now().minusSeconds(3600), Instant.now().plus(Duration.ofDays(90))).build();
    private static final String PASSES = "mx.preflight.test; spf=pass smtp.mailfrom=shop.preflight.test;"
            + " dkim=pass header.d=shop.preflight.test header.s=s1;"
            + " dmarc=pass (p=reject) header.from=shop.preflight.test";

    @Test
    void aMessageThatArrivesInTheInboxWithPassingAuthenticationPassesAndIsDeleted() throws Exception {
        try (MailboxTestServer mailbox = MailboxTestServer.builder().spamFolder("Junk").authenticationResults(PASSES)
                .start()) {
            Result result = roundTrip(mailbox).run().result();

            assertThat(result).as(result.toString()).isPass()
                    .hasSummaryContaining("arrived in INBOX of inbox@preflight.test")
                    .hasDetail("landedIn", "INBOX").hasDetail("spf", "pass").hasDetail("dkim", "pass")
                    .hasDetail("dmarc", "pass").hasDetail("authservId", "mx.preflight.test")
                    .hasDetail("authenticated", true).hasDetail("deleted", "deleted")
                    .hasDetail("folders", List.of("INBOX", "Junk"));
            assertThat(String.valueOf(result.details().get("reply"))).startsWith("250");
            assertThat(mailbox.messages("INBOX")).as("deleted after it was found").isEmpty();
        }
    }

    @Test
    void keepsTheMessageWhenToldNotToDelete() throws Exception {
        try (MailboxTestServer mailbox = MailboxTestServer.builder().start()) {
            Result result = roundTrip(mailbox).setting("delete", "false").run().result();

            assertThat(result).as(result.toString()).isPass().hasSummaryContaining("reports no SPF, DKIM or DMARC")
                    .hasDetailKey("authenticationResults");
            assertThat(result.details()).doesNotContainKey("deleted");
            assertThat(mailbox.messages("INBOX")).hasSize(1);
            assertThat(mailbox.messages("INBOX").get(0).getHeader("X-Preflight-Token")[0])
                    .isEqualTo(result.details().get("token"));
            assertThat(mailbox.messages("INBOX").get(0).getSubject()).startsWith("Preflight delivery test pf-");
        }
    }

    @Test
    void aMessageFiledAsSpamFailsNamingTheFolder() throws Exception {
        try (MailboxTestServer mailbox = MailboxTestServer.builder().spamFolder("Junk").filing("Junk")
                .authenticationResults(PASSES).start()) {
            Result result = roundTrip(mailbox).run().result();

            assertThat(result).as(result.toString()).isFail().hasSummaryContaining("landed in the spam folder 'Junk'")
                    .hasDetail("landedIn", "Junk").hasRemediationContaining("smtp.sender-alignment");
            assertThat(mailbox.messages("Junk")).isEmpty();
        }
    }

    @Test
    void authenticationThatDoesNotPassWarnsNamingEachMethodAndTrustsTheMailboxProvidersHeader() throws Exception {
        // The topmost header is another hop's; the one from the mailbox's own domain is the verdict.
        try (MailboxTestServer mailbox = MailboxTestServer.builder()
                .authenticationResults("relay.elsewhere.example; spf=pass smtp.mailfrom=shop.preflight.test",
                        "mx.preflight.test; spf=pass smtp.mailfrom=shop.preflight.test; dkim=none;"
                                + " dmarc=fail (p=quarantine) header.from=shop.preflight.test")
                .start()) {
            Result result = roundTrip(mailbox).run().result();

            assertThat(result).as(result.toString()).isWarn().hasSummaryContaining("dkim=none, dmarc=fail")
                    .hasDetail("authservId", "mx.preflight.test").hasDetail("spf", "pass");
        }
    }

    @Test
    void aMalformedAuthenticationResultsHeaderIsNotedAndIgnored() throws Exception {
        try (MailboxTestServer mailbox = MailboxTestServer.builder()
                .authenticationResults("mx.preflight.test; spf=pass (unclosed comment").start()) {
            Result result = roundTrip(mailbox).run().result();

            assertThat(result).as(result.toString()).isPass().hasSummaryContaining("reports no SPF");
            assertThat(result.details().get("authenticationResults").toString()).contains("malformed");
        }
    }

    @Test
    void aMessageThatNeverArrivesFailsWithinTheWait() throws Exception {
        try (MailboxTestServer mailbox = MailboxTestServer.builder().start()) {
            // Accepted for another mailbox, so this one never sees it.
            ProbeOutcome outcome = roundTrip(mailbox).setting("to", "elsewhere@preflight.test")
                    .setting("wait", "1500ms").run();

            assertThat(outcome.result()).as(outcome.result().toString()).isFail()
                    .hasSummaryContaining("was not delivered to elsewhere@preflight.test within")
                    .hasSummaryContaining("searched INBOX");
            assertThat(outcome.duration()).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void aWaitLongerThanTheDeadlineEndsWithItsOwnFailBeforeTheDeadline() throws Exception {
        try (MailboxTestServer mailbox = MailboxTestServer.builder().start()) {
            ProbeOutcome outcome = roundTrip(mailbox).setting("to", "elsewhere@preflight.test").setting("wait", "30s")
                    .timeout(Duration.ofSeconds(3)).run();

            assertThat(outcome.result()).as(outcome.result().toString()).isFail()
                    .hasSummaryContaining("the deadline cut the 30.0 s wait short")
                    .hasRemediationContaining("timeout: 60s");
            assertThat(outcome.duration()).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aRefusedLoginFailsWithTheReplyCodeAndNeverShowsThePassword() throws Exception {
        String wrong = "Wr0ng-Secret-4711";
        try (MailboxTestServer mailbox = MailboxTestServer.builder().start()) {
            Target target = target(URI.create("smtps://" + mailbox.login() + ":" + wrong + "@" + HOST + ":"
                    + mailbox.smtpsPort()));
            Report report = kit(target, mailbox).runReport();
            Result result = report.outcomes().get(0).result();

            assertThat(result).as(result.toString()).isFail().hasSummaryContaining("refused the login as inbox")
                    .hasSummaryContaining("535");
            assertThat(report).containsNoText(wrong);
            assertThat(mailbox.messages("INBOX")).isEmpty();
        }
    }

    @Test
    void startTlsSubmissionReportsTheQueueIdWithoutAMailbox() throws Exception {
        try (SmtpTestServer smtp = SmtpTestServer.builder().startTls(SUBMISSION_LEAF).credentials("app", "app-pw")
                .start()) {
            Result result = submissionKit(smtp, "app:app-pw@").run().result();

            assertThat(result).as(result.toString()).isPass().hasSummaryContaining("queued as 4F2C1")
                    .hasSummaryContaining("arrival not verified").hasDetail("queueId", "4F2C1")
                    .hasDetail("reply", "250 2.0.0 Ok: queued as 4F2C1").hasDetail("authenticated", true);
            assertThat(smtp.logins()).isEqualTo(1);
            assertThat(smtp.messages()).hasSize(1);
            SmtpTestServer.Message sent = smtp.messages().get(0);
            assertThat(sent.from()).isEqualTo("shop@shop.preflight.test");
            assertThat(sent.to()).isEqualTo("inbox@preflight.test");
            String data = new String(sent.data(), StandardCharsets.UTF_8);
            assertThat(data).contains("X-Preflight-Token: " + result.details().get("token"))
                    .contains("Message-ID: <" + result.details().get("token") + "@shop.preflight.test>")
                    .contains("Date: ").contains("can be deleted");
        }
    }

    @Test
    void aRefusedRecipientFailsWithTheServersReply() throws Exception {
        try (SmtpTestServer smtp = SmtpTestServer.builder().startTls(SUBMISSION_LEAF).credentials("app", "app-pw")
                .recipients("someone-else@preflight.test").start()) {
            Result result = submissionKit(smtp, "app:app-pw@").run().result();

            assertThat(result).as(result.toString()).isFail()
                    .hasSummaryContaining("refused RCPT TO:<inbox@preflight.test>: 550 5.1.1")
                    .hasDetail("to", "inbox@preflight.test");
            assertThat(smtp.messages()).isEmpty();
        }
    }

    @Test
    void aServerWithoutStartTlsIsNeverSentCredentials() throws Exception {
        try (SmtpTestServer smtp = SmtpTestServer.builder().credentials("app", "app-pw").start()) {
            Result result = submissionKit(smtp, "app:app-pw@").run().result();

            assertThat(result).as(result.toString()).isFail().hasSummaryContaining("does not offer STARTTLS");
            assertThat(smtp.logins() + smtp.failedLogins()).as("AUTH attempts").isZero();
            assertThat(smtp.messages()).isEmpty();
        }
    }

    @Test
    void anUntrustedCertificateFailsBeforeAnythingIsSent() throws Exception {
        try (SmtpTestServer smtp = SmtpTestServer.builder().startTls(UNTRUSTED_LEAF).credentials("app", "app-pw")
                .start()) {
            Result result = submissionKit(smtp, "app:app-pw@").run().result();

            assertThat(result).as(result.toString()).isFail().hasSummaryContaining("nothing was sent");
            assertThat(smtp.logins() + smtp.failedLogins()).as("AUTH attempts").isZero();
            assertThat(smtp.messages()).isEmpty();
        }
    }

    @Test
    void aCertificateForAnotherHostFailsBeforeAnythingIsSent() throws Exception {
        try (SmtpTestServer smtp = SmtpTestServer.builder().startTls(OTHER_HOST_LEAF).credentials("app", "app-pw")
                .start()) {
            Result result = submissionKit(smtp, "app:app-pw@").run().result();

            assertThat(result).as(result.toString()).isFail().hasSummaryContaining("nothing was sent")
                    .hasSummaryContaining("mail.preflight.test");
            assertThat(smtp.logins() + smtp.failedLogins()).as("AUTH attempts").isZero();
            assertThat(smtp.messages()).isEmpty();
        }
    }

    @Test
    void aServerThatNeverGreetsGivesErrorBeforeTheDeadline() {
        try (ContractTargets targets = ContractTargets.open()) {
            ProbeOutcome outcome = ProbeTestKit.forProbe(new SendProbe())
                    .target(target(URI.create("smtp://app:pw@" + targets.silentServer()))).setting("to",
                            "inbox@preflight.test").setting("from", "shop@shop.preflight.test")
                    .timeout(Duration.ofSeconds(2)).allowWrites(true).run();

            assertThat(outcome.result()).as(outcome.result().toString()).isError()
                    .hasSummaryContaining("before the deadline");
            assertThat(outcome.duration()).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aServerThatDripsItsGreetingCannotStretchTheDeadline() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread dripper = new Thread(() -> drip(server), "dripping-smtp");
            dripper.setDaemon(true);
            dripper.start();
            ProbeOutcome outcome = ProbeTestKit.forProbe(new SendProbe())
                    .target(target(URI.create("smtp://app:pw@127.0.0.1:" + server.getLocalPort())))
                    .setting("to", "inbox@preflight.test").setting("from", "shop@shop.preflight.test")
                    .timeout(Duration.ofSeconds(2)).allowWrites(true).run();
            dripper.interrupt();

            // The probe's own verdict ("before the deadline"), not the runner's cut-off ("no answer within").
            assertThat(outcome.result()).as(outcome.result().toString()).isError()
                    .hasSummaryContaining("before the deadline");
            assertThat(outcome.duration()).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void itDoesNotRunUnlessNamed() throws Exception {
        try (SmtpTestServer smtp = SmtpTestServer.builder().startTls(SUBMISSION_LEAF).credentials("app", "app-pw")
                .start()) {
            Report report = submissionKit(smtp, "app:app-pw@").allowWrites(false).runReport();

            assertThat(report.outcomes()).isEmpty();
            assertThat(report.unnamedWriters()).containsExactly("smtp.send");
            assertThat(smtp.messages()).isEmpty();
        }
    }

    @Test
    void aMissingRecipientIsAnErrorNamingTheSetting() throws Exception {
        try (SmtpTestServer smtp = SmtpTestServer.builder().startTls(SUBMISSION_LEAF).start()) {
            Result result = ProbeTestKit.forProbe(new SendProbe()).target(target(URI.create("smtp://" + HOST + ":"
                    + smtp.port()))).setting("from", "shop@shop.preflight.test").allowWrites(true).run().result();

            assertThat(result).isError().hasSummaryContaining("smtp.send.to");
            assertThat(smtp.messages()).isEmpty();
        }
    }

    @Test
    void aTemplateRecipientIsRefusedBeforeSending() throws Exception {
        try (SmtpTestServer smtp = SmtpTestServer.builder().startTls(SUBMISSION_LEAF).start()) {
            Result result = submissionKit(smtp, "").setting("to", "you@your-domain.com").run().result();

            assertThat(result).isError().hasSummaryContaining("smtp.send.to").hasSummaryContaining("template");
            assertThat(smtp.messages()).isEmpty();
        }
    }

    @Test
    void aPlainImapMailboxWithoutStartTlsIsNotSentThePassword() throws Exception {
        try (MailboxTestServer mailbox = MailboxTestServer.builder().start()) {
            Result result = roundTrip(mailbox).setting("imap", "imap://" + mailbox.login() + "@" + HOST + ":"
                    + mailbox.imapUri().getPort()).run().result();

            assertThat(result).as(result.toString()).isError().hasSummaryContaining("arrival was not verified")
                    .hasSummaryContaining("no STARTTLS on imap://, so the password was not sent").hasDetailKey("reply")
                    .hasDetailKey("token");
        }
    }

    private static ProbeTestKit roundTrip(MailboxTestServer mailbox) {
        Target target = target(URI.create("smtps://" + mailbox.login() + ":" + mailbox.password() + "@" + HOST + ":"
                + mailbox.smtpsPort()));
        return kit(target, mailbox).setting("imap", "imaps://" + mailbox.login() + "@" + HOST + ":"
                + mailbox.imapsPort() + "/INBOX").setting("imap-password", mailbox.password());
    }

    private static ProbeTestKit kit(Target target, MailboxTestServer mailbox) {
        return ProbeTestKit.forProbe(new SendProbe()).target(target).setting("to", mailbox.address())
                .setting("from", "Shop <shop@shop.preflight.test>").timeout(Duration.ofSeconds(15)).allowWrites(true)
                .network(NetworkSettings.builder().trust(List.of(MailboxTestServer.root().certificate()))
                        .hostOverride(new HostOverride(HOST, mailbox.smtpsPort(), InetAddress.getLoopbackAddress()))
                        .hostOverride(new HostOverride(HOST, mailbox.imapsPort(), InetAddress.getLoopbackAddress()))
                        .hostOverride(new HostOverride(HOST, mailbox.imapUri().getPort(),
                                InetAddress.getLoopbackAddress()))
                        .build());
    }

    private static ProbeTestKit submissionKit(SmtpTestServer smtp, String userInfo) {
        return ProbeTestKit.forProbe(new SendProbe())
                .target(target(URI.create("smtp://" + userInfo + HOST + ":" + smtp.port())))
                .setting("to", "inbox@preflight.test").setting("from", "shop@shop.preflight.test")
                .timeout(Duration.ofSeconds(10)).allowWrites(true)
                .network(NetworkSettings.builder().trust(List.of(SUBMISSION_ROOT.certificate()))
                        .hostOverride(new HostOverride(HOST, smtp.port(), InetAddress.getLoopbackAddress())).build());
    }

    /** Accepts one connection and sends a greeting one byte every 100 ms, never ending the line. */
    private static void drip(ServerSocket server) {
        try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
            while (!Thread.currentThread().isInterrupted()) {
                out.write('2');
                out.flush();
                Thread.sleep(100);
            }
        } catch (IOException | InterruptedException e) {
            // the test is over
        }
    }

    /** A development target: {@code .test} addresses are templates only in production. */
    private static Target target(URI uri) {
        return Target.builder("mail", TargetKind.SMTP).uri(uri).attribute("environment", "development").build();
    }
}
