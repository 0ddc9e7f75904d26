package dev.preflight.http;

import dev.preflight.testsupport.HeldCertificate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A private {@code openssl s_server} on 127.0.0.1 and a free port, for the versions and suites the JDK
 * will not serve: started with the options given, ready once it prints {@code ACCEPT}, destroyed on
 * close. {@code -www} makes it answer and keep accepting whatever a client does.
 */
final class OpenSslServer implements AutoCloseable {
    static final Path OPENSSL = Path.of("/usr/bin/openssl");

    private final Process process;
    private final int port;

    private OpenSslServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param dir a private directory for the certificate and key
     * @param certificate what to present
     * @param options s_server options, e.g. {@code -no_tls1_3}
     * @return the running server
     */
    static OpenSslServer start(Path dir, HeldCertificate certificate, String... options) {
        try {
            Path cert = Files.writeString(dir.resolve("cert.pem"), certificate.certificatePem());
            Path key = Files.writeString(dir.resolve("key.pem"), certificate.privateKeyPem());
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(OPENSSL.toString(), "s_server", "-accept",
                    "127.0.0.1:" + port, "-cert", cert.toString(), "-key", key.toString(), "-www"));
            command.addAll(List.of(options));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CountDownLatch ready = new CountDownLatch(1);
            StringBuilder output = new StringBuilder();
            Thread drain = new Thread(() -> drain(process, ready, output), "openssl-output");
            drain.setDaemon(true);
            drain.start();
            if (!ready.await(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("openssl s_server did not start: " + output);
            }
            return new OpenSslServer(process, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void drain(Process process, CountDownLatch ready, StringBuilder output) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals("ACCEPT")) {
                    ready.countDown();
                } else if (ready.getCount() > 0) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
