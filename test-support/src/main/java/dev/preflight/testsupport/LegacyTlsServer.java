package dev.preflight.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;

/**
 * A TLS server that speaks only TLS 1.1, as old mail and database servers still do: OpenSSL's
 * {@code s_server} on a free port of {@code 127.0.0.1}, presenting a minted certificate, run by
 * {@link PrivateProcess}. This JVM's clients refuse TLS 1.1 (disabled since JDK 16), so every
 * handshake with it fails with alert 70 {@code protocol_version}; a JDK server cannot stand in, since
 * the same rule keeps it from offering TLS 1.1.
 *
 * <pre>{@code
 * try (LegacyTlsServer old = LegacyTlsServer.start(leaf)) {
 *     URI uri = URI.create("smtps://127.0.0.1:" + old.port());
 * }
 * }</pre>
 *
 * <p>It answers no application protocol: what a client learns is the handshake. {@link #assumeAvailable()}
 * skips a test without {@code openssl}. Thread-safe once started.
 *
 * @since 0.3
 */
public final class LegacyTlsServer implements AutoCloseable {
    private static final Path DEFAULT_BINARY = Paths.get("/usr/bin/openssl");

    private final PrivateProcess process;
    private final int port;

    private LegacyTlsServer(PrivateProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @see Servers#assumeAvailable
     */
    public static void assumeAvailable() {
        Servers.assumeAvailable(binary(), "openssl");
    }

    /**
     * @param leaf the server's certificate and key
     * @return the server, accepting connections
     * @throws IOException if openssl is missing or does not listen in time; the message carries its log
     */
    public static LegacyTlsServer start(HeldCertificate leaf) throws IOException {
        return FreePorts.retryIfTaken(() -> startOnce(leaf));
    }

    private static LegacyTlsServer startOnce(HeldCertificate leaf) throws IOException {
        int port = FreePorts.tcp();
        PrivateProcess process = PrivateProcess.builder("openssl-s_server").directoryPrefix("preflight-legacy-tls-")
                .start(dir -> {
                    Files.writeString(dir.resolve("cert.pem"), leaf.certificatePem(), StandardCharsets.US_ASCII);
                    Files.writeString(dir.resolve("key.pem"), leaf.privateKeyPem(), StandardCharsets.US_ASCII);
                    // OpenSSL 3 allows TLS 1.1 only at security level 0. Its stdin stays open (a pipe):
                    // s_server stops at end of input.
                    return List.of(binary().toString(), "s_server", "-accept", FreePorts.LOOPBACK.getHostAddress()
                            + ":" + port, "-tls1_1", "-cipher", "ALL:@SECLEVEL=0", "-cert",
                            dir.resolve("cert.pem").toString(), "-key", dir.resolve("key.pem").toString());
                });
        process.awaitReady(Duration.ofSeconds(10), "port " + port,
                () -> process.log().contains("ACCEPT") && PrivateProcess.Readiness.listening(List.of(port)).ready());
        return new LegacyTlsServer(process, port);
    }

    private static Path binary() {
        return Servers.binary("OPENSSL", DEFAULT_BINARY);
    }

    /** @return the port it listens on, of {@link FreePorts#LOOPBACK} */
    public int port() {
        return port;
    }

    /** Stops the process and deletes its directory. */
    @Override
    public void close() {
        process.close();
    }
}
