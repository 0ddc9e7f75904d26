package dev.preflight.email;

import static dev.preflight.email.MailCertificates.HOST;
import static dev.preflight.email.MailCertificates.VALID;
import static dev.preflight.email.MailCertificates.kit;
import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.OpenSslServer;
import dev.preflight.testsupport.ScriptedSmtpServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code smtp.starttls} and {@code smtp.auth} against a scripted SMTP server with a real STARTTLS
 * handshake, for replies real servers give but cannot be made to give on demand: AUTH hidden yet
 * accepted before TLS, STARTTLS offered then refused, EHLO refused over TLS, a temporary AUTH
 * failure, only mechanisms Preflight does not speak, a refusal that echoes the credentials, and
 * STARTTLS into a TLS server (OpenSSL) that speaks only TLS 1.1.
 */
class UnusualRepliesTest {
    private static final String USER = "app";
    private static final String PASSWORD = "Hs5-echo-Wq8z";
    private static final String[] EHLO_BEFORE = {"250-mail.preflight.test", "250-PIPELINING", "250 STARTTLS"};
    private static final String[] EHLO_AFTER = {"250-mail.preflight.test", "250 AUTH PLAIN LOGIN"};

    @Test
    void authHiddenButAcceptedBeforeTlsWarnsAndNoCredentialCrossesBeforeTls() throws Exception {
        try (ScriptedSmtpServer server = scripted().before("AUTH PLAIN", "334 ")
                .before("*", "501 5.7.0 Authentication cancelled").after("EHLO", EHLO_AFTER)
                .after("AUTH PLAIN ", "235 2.7.0 Authentication successful").start()) {
            Result result = auth(server);

            assertThat(result).isWarn().hasSummaryContaining("not advertised before TLS but is accepted")
                    .hasDetail("authBeforeTls", "accepted, not advertised").hasDetail("login", "accepted");
            List<String> received = server.received();
            int startTls = received.indexOf("STARTTLS");
            assertThat(received.subList(0, startTls)).contains("AUTH PLAIN", "*")
                    .noneMatch(line -> line.contains(plainToken()));
            assertThat(received.subList(startTls, received.size())).contains("AUTH PLAIN " + plainToken());
        }
    }

    @Test
    void startTlsOfferedThenRefusedFailsBothProbes() throws Exception {
        try (ScriptedSmtpServer server = scripted().before("AUTH", "530 5.7.0 Must issue a STARTTLS command first")
                .before("STARTTLS", "454 4.7.0 TLS not available due to temporary reason").start()) {
            assertThat(startTls(server)).isFail().hasSummaryContaining("offers STARTTLS but refuses it (454 4.7.0")
                    .hasRemediationContaining("certificate and key");
            assertThat(auth(server)).isFail().hasSummaryContaining("offers STARTTLS but refuses it")
                    .hasDetail("login", "not attempted: STARTTLS refused");
            assertThat(server.received()).noneMatch(line -> line.contains(plainToken()));
        }
    }

    @Test
    void ehloRefusedOverTlsFails() throws Exception {
        try (ScriptedSmtpServer server = scripted().after("EHLO", "550 5.7.1 go away").start()) {
            assertThat(startTls(server)).isFail().hasSummaryContaining("EHLO after STARTTLS is refused (550 5.7.1")
                    .hasDetailKey("sans");
        }
    }

    @Test
    void aTemporaryAuthFailureIsAnError() throws Exception {
        try (ScriptedSmtpServer server = scripted().after("EHLO", EHLO_AFTER)
                .after("AUTH PLAIN ", "454 4.7.0 Temporary authentication failure").start()) {
            assertThat(auth(server)).isError().hasSummaryContaining("could not be checked now")
                    .hasSummaryContaining("454 4.7.0").hasDetail("login", "deferred (454)");
        }
    }

    @Test
    void onlyMechanismsPreflightDoesNotSpeakLeaveTheLoginUnverified() throws Exception {
        try (ScriptedSmtpServer server = scripted()
                .after("EHLO", "250-mail.preflight.test", "250 AUTH CRAM-MD5 XOAUTH2").start()) {
            assertThat(auth(server)).isWarn().hasSummaryContaining("offers only CRAM-MD5 XOAUTH2")
                    .hasDetail("login", "not verified: no PLAIN or LOGIN");
            assertThat(server.received()).noneMatch(line -> line.startsWith("AUTH ") && line.length() > 12);
        }
    }

    @Test
    void aRefusalThatEchoesTheCredentialsShowsNeither() throws Exception {
        try (ScriptedSmtpServer server = scripted().after("EHLO", EHLO_AFTER)
                .after("AUTH PLAIN ", "535 5.7.8 bad credentials " + plainToken() + " (" + PASSWORD + ")").start()) {
            ProbeTestKit kit = kit(new SmtpAuthProbe(), url(server), server.port());
            // Straight from the probe: the runner would redact the password, but not the PLAIN token.
            Result result = new SmtpAuthProbe().check(kit.context());

            assertThat(result).isFail().hasSummaryContaining("535 5.7.8 bad credentials")
                    .containsNoText(PASSWORD, plainToken());
        }
    }

    @Test
    void aStartTlsServerThatSpeaksOnlyTls11FailsAndGetsNoCredential() throws Exception {
        OpenSslServer.assumeAvailable();
        try (OpenSslServer tls11 = OpenSslServer.start(VALID, "-tls1_1", "-cipher", "ALL:@SECLEVEL=0");
                ScriptedSmtpServer server = ScriptedSmtpServer.builder().before("EHLO", EHLO_BEFORE)
                        .before("AUTH", "530 5.7.0 Must issue a STARTTLS command first")
                        .startTlsRelayedTo(tls11.port()).start()) {
            assertThat(startTls(server)).isFail().hasSummaryContaining("TLS 1.1 or older")
                    .hasRemediationContaining("TLS 1.2");
            assertThat(auth(server)).isFail().hasSummaryContaining("TLS 1.1 or older");
            assertThat(server.received()).noneMatch(line -> line.contains(plainToken()));
        }
    }

    private static ScriptedSmtpServer.Builder scripted() {
        return ScriptedSmtpServer.builder().startTls(VALID).before("EHLO", EHLO_BEFORE)
                .before("AUTH", "530 5.7.0 Must issue a STARTTLS command first").after("EHLO", EHLO_AFTER);
    }

    private static Result startTls(ScriptedSmtpServer server) {
        return kit(new StartTlsProbe(), url(server), server.port()).run().result();
    }

    private static Result auth(ScriptedSmtpServer server) {
        return kit(new SmtpAuthProbe(), url(server), server.port()).run().result();
    }

    private static String url(ScriptedSmtpServer server) {
        return "smtp://" + USER + ":" + PASSWORD + "@" + HOST + ":" + server.port();
    }

    /** RFC 4616: authorization identity (empty), NUL, user, NUL, password. */
    private static String plainToken() {
        return Base64.getEncoder().encodeToString(("\0" + USER + "\0" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
