package dev.preflight.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenSSL's {@code s_server} on a free port of {@code 127.0.0.1}, presenting a minted certificate,
 * for the protocol versions and suites a JDK server will not serve: TLS 1.0 and 1.1 (the rule that
 * makes this JVM's clients refuse them keeps a JDK server from offering them too), NULL and anonymous
 * suites. Run by {@link PrivateProcess}; {@code -www} makes it answer and keep accepting whatever a
 * client does.
 *
 * <pre>{@code
 * try (OpenSslServer old = OpenSslServer.start(leaf, "-tls1_1", "-cipher", "ALL:@SECLEVEL=0")) {
 *     URI uri = URI.create("smtps://127.0.0.1:" + old.port());   // every handshake: alert 70
 * }
 * }</pre>
 *
 * <p>OpenSSL 3 allows versions below TLS 1.2 and the weak suites only at security level 0
 * ({@code @SECLEVEL=0} in the cipher string). {@link #assumeAvailable()} skips a test without
 * {@code openssl}. Thread-safe once started.
 *
 * @since 0.3
 */
public final class OpenSslServer implements AutoCloseable {
    private static final Path DEFAULT_BINARY = Paths.get("/usr/bin/openssl");

    private final PrivateProcess process;
    private final int port;

    private OpenSslServer(PrivateProcess process, int port) {
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
     * @param leaf the certificate and key to present
     * @param options further s_server options, e.g. {@code -tls1_1} or {@code -no_tls1_3}
     * @return the server, accepting connections
     * @throws IOException if openssl is missing, rejects the options, or does not listen in time; the
     *     message carries its output
     */
    public static OpenSslServer start(HeldCertificate leaf, String... options) throws IOException {
        return FreePorts.retryIfTaken(() -> startOnce(leaf, options));
    }

    private static OpenSslServer startOnce(HeldCertificate leaf, String... options) throws IOException {
        int port = FreePorts.tcp();
        PrivateProcess process = PrivateProcess.builder("openssl-s_server").directoryPrefix("preflight-openssl-")
                .start(dir -> {
                    Path cert = Files.writeString(dir.resolve("cert.pem"), leaf.certificatePem(),
                            StandardCharsets.US_ASCII);
                    Path key = Files.writeString(dir.resolve("key.pem"), leaf.privateKeyPem(),
                            StandardCharsets.US_ASCII);
                    // Its stdin stays open (a pipe to this JVM): s_server stops at the end of its input.
                    List<String> command = new ArrayList<>(List.of(binary().toString(), "s_server", "-accept",
                            FreePorts.LOOPBACK.getHostAddress() + ":" + port, "-cert", cert.toString(), "-key",
                            key.toString(), "-www"));
                    command.addAll(List.of(options));
                    return command;
                });
        process.awaitReady(Duration.ofSeconds(10), "port " + port, () -> process.log().contains("ACCEPT"));
        return new OpenSslServer(process, port);
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
