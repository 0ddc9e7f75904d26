package dev.preflight.email.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.net.Network;
import dev.preflight.net.NetworkFailures;
import dev.preflight.net.TlsSession;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.SmtpTestServer;
import dev.preflight.testsupport.TestCertificates;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The raw SMTP dialogue against a real in-process SMTP server, and against servers that are not SMTP. */
class SmtpDialogueTest {
    private static final HeldCertificate LEAF = TestCertificates.builder("mail.preflight.test")
            .dnsNames("mail.preflight.test").validity(Instant.now().minusSeconds(3600),
                    Instant.now().plus(Duration.ofDays(90))).build();

    @Test
    void startTlsHidesAuthUntilTheHandshakeThenLogsIn() throws Exception {
        try (SmtpTestServer server = SmtpTestServer.builder().startTls(LEAF).credentials("app", "app-pw").start();
                SmtpDialogue smtp = SmtpDialogue.open(network(server), endpoint(server))) {
            assertThat(smtp.greeting().code()).isEqualTo(220);
            EhloCapabilities before = smtp.ehlo();
            assertThat(before.startTls()).isTrue();
            assertThat(before.authMechanisms()).isEmpty();

            TlsSession tls = smtp.startTls();
            assertThat(tls.protocol()).isIn("TLSv1.2", "TLSv1.3");
            assertThat(tls.chain().get(0).getSubjectX500Principal().getName()).contains("mail.preflight.test");
            EhloCapabilities after = smtp.ehlo();
            assertThat(after.authMechanisms()).contains("PLAIN", "LOGIN");

            SmtpReply wrong = smtp.authenticate(after.authMechanisms(), "app", Secret.of("wrong"));
            assertThat(wrong.code()).isEqualTo(535);
            SmtpReply right = smtp.authenticate(after.authMechanisms(), "app", Secret.of("app-pw"));
            assertThat(right.code()).isEqualTo(235);
            assertThat(server.logins()).isEqualTo(1);
        }
    }

    @Test
    void loginMechanismWorksWhenPlainIsNotOffered() throws Exception {
        try (SmtpTestServer server = SmtpTestServer.builder().startTls(LEAF).credentials("app", "app-pw").start();
                SmtpDialogue smtp = SmtpDialogue.open(network(server), endpoint(server))) {
            smtp.ehlo();
            smtp.startTls();
            smtp.ehlo();
            assertThat(smtp.authenticate(java.util.List.of("LOGIN"), "app", Secret.of("app-pw")).code())
                    .isEqualTo(235);
        }
    }

    @Test
    void aServerWithoutStartTlsOffersAuthInPlaintext() throws Exception {
        try (SmtpTestServer server = SmtpTestServer.builder().credentials("app", "app-pw").start();
                SmtpDialogue smtp = SmtpDialogue.open(network(server), endpoint(server))) {
            EhloCapabilities plain = smtp.ehlo();
            assertThat(plain.startTls()).isFalse();
            assertThat(plain.authMechanisms()).contains("PLAIN");
            assertThatThrownBy(smtp::startTls).isInstanceOf(RefusedException.class);
        }
    }

    @Test
    void anHttpServerIsNotSmtp() throws Exception {
        try (ServerSocket server = serving("HTTP/1.1 400 Bad Request\r\n\r\n")) {
            assertThatThrownBy(() -> SmtpDialogue.open(network(server.getLocalPort()),
                    new SmtpEndpoint("127.0.0.1", server.getLocalPort(), false, java.util.Optional.empty(),
                            java.util.Optional.empty())))
                    .isInstanceOf(MalformedReplyException.class).hasMessageContaining("HTTP/1.1 400");
        }
    }

    @Test
    void aRefusingGreetingIsARefusal() throws Exception {
        try (ServerSocket server = serving("554 5.7.1 No SMTP service here\r\n")) {
            assertThatThrownBy(() -> SmtpDialogue.open(network(server.getLocalPort()),
                    new SmtpEndpoint("127.0.0.1", server.getLocalPort(), false, java.util.Optional.empty(),
                            java.util.Optional.empty())))
                    .isInstanceOf(RefusedException.class).hasMessageContaining("554 5.7.1 No SMTP service here");
        }
    }

    @Test
    void aServerThatNeverGreetsEndsAtTheDeadline() throws Exception {
        try (ContractTargets targets = ContractTargets.open()) {
            int port = Integer.parseInt(targets.silentServer().substring(targets.silentServer().lastIndexOf(':') + 1));
            long start = System.nanoTime();
            IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                    () -> SmtpDialogue.open(network(port, Duration.ofMillis(500)),
                            new SmtpEndpoint("127.0.0.1", port, false, java.util.Optional.empty(),
                                    java.util.Optional.empty())));
            // The read times out, or the deadline's cancellation closes the socket first: either ends it.
            assertThat(NetworkFailures.isTimeout(e) || "Socket closed".equals(e.getMessage())).as(e.toString()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    private static SmtpEndpoint endpoint(SmtpTestServer server) {
        return SmtpEndpoint.of(Target.forUrl(server.uri().toString())).orElseThrow();
    }

    private static Network network(SmtpTestServer server) {
        return network(server.port());
    }

    private static Network network(int port) {
        return network(port, Duration.ofSeconds(5));
    }

    private static Network network(int port, Duration timeout) {
        ProbeContext context = ProbeTestKit.forProbe(new AnyProbe()).target(Target.forUrl("smtp://127.0.0.1:" + port))
                .timeout(timeout).context();
        return Network.of(context);
    }

    private static ServerSocket serving(String answer) throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                out.write(answer.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                s.getInputStream().read();
            } catch (IOException e) {
                // the test is over
            }
        });
        t.setDaemon(true);
        t.start();
        return server;
    }

    /** A probe of SMTP targets, only to get a check's context from the test kit. */
    private static final class AnyProbe implements Probe {
        @Override
        public String id() {
            return "test.smtp";
        }

        @Override
        public String title() {
            return "test";
        }

        @Override
        public TargetKind targetKind() {
            return TargetKind.SMTP;
        }

        @Override
        public Result check(ProbeContext context) {
            return Result.pass("unused");
        }
    }
}
