package dev.preflight.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.TestCertificates;
import dev.preflight.testsupport.TlsTestServer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP clients a check gets: real HTTPS on loopback with a minted chain. */
class NetworkHttpTest {
    private static final String HOST = "api.shop.test";
    private static HeldCertificate root;
    private static HeldCertificate leaf;

    @BeforeAll
    static void mint() {
        Instant now = Instant.now();
        root = TestCertificates.builder("Net Test Root").certificateAuthority(0)
                .validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))).build();
        leaf = TestCertificates.builder(HOST).dnsNames(HOST)
                .validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))).signedBy(root).build();
    }

    @Test
    void theClientReachesAHostThroughAnOverrideAndTrustsTheExtraCa() throws IOException {
        AtomicReference<String> userAgent = new AtomicReference<>();
        try (TlsTestServer server = TlsTestServer.builder(leaf).handler(exchange -> {
            userAgent.set(exchange.getRequestHeaders().getFirst("User-Agent"));
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }).start()) {
            NetworkSettings settings = NetworkSettings.builder()
                    .hostOverride(new HostOverride(HOST, server.port(), InetAddress.getLoopbackAddress()))
                    .trust(List.of(root.certificate())).build();
            Network network = Network.of(Contexts.with(settings, Duration.ofSeconds(5)));

            try (Response response = network.http().newCall(get(server.port())).execute()) {
                assertThat(response.code()).isEqualTo(200);
                assertThat(response.body().string()).isEqualTo("ok");
            }
            assertThat(userAgent.get()).startsWith("Preflight/").isEqualTo(Network.userAgent());
        }
    }

    @Test
    void withoutTheExtraCaTheChainIsRefused() throws IOException {
        try (TlsTestServer server = TlsTestServer.builder(leaf).respond(200, java.util.Map.of()).start()) {
            NetworkSettings settings = NetworkSettings.builder()
                    .hostOverride(new HostOverride(HOST, server.port(), InetAddress.getLoopbackAddress())).build();
            Network network = Network.of(Contexts.with(settings, Duration.ofSeconds(5)));

            assertThatThrownBy(() -> network.http().newCall(get(server.port())).execute())
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersEndsAtTheDeadline() throws IOException {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            NetworkSettings settings = NetworkSettings.builder()
                    .hostOverride(new HostOverride(HOST, silent.getLocalPort(), InetAddress.getLoopbackAddress()))
                    .build();
            Network network = Network.of(Contexts.with(settings, Duration.ofMillis(600)));

            long start = System.nanoTime();
            assertThatThrownBy(() -> network.http().newCall(get(silent.getLocalPort())).execute())
                    .isInstanceOf(InterruptedIOException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis()).isBetween(500L, 1500L);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void theInspectingClientAcceptsAnyChainAndCapturesItAsSent() throws IOException {
        try (TlsTestServer server = TlsTestServer.builder(leaf).intermediates(root)
                .respond(204, java.util.Map.of()).start()) {
            Network network = Network.of(Contexts.with(NetworkSettings.system(), Duration.ofSeconds(5)));
            TlsCapture capture = new TlsCapture();
            Request request = capture.attachTo(new Request.Builder().url("https://" + HOST + ":" + server.port() + "/"))
                    .build();

            try (Response response = network.http(Network.inspectingClient(InetAddress.getLoopbackAddress()))
                    .newCall(request).execute()) {
                assertThat(response.code()).isEqualTo(204);
            }
            assertThat(capture.session()).hasValueSatisfying(tls -> assertThat(tls.chain())
                    .extracting(c -> c.getSubjectX500Principal().getName())
                    .containsExactly("CN=" + HOST, "CN=Net Test Root"));
        }
    }

    private static Request get(int port) {
        return new Request.Builder().url("https://" + HOST + ":" + port + "/").build();
    }
}
