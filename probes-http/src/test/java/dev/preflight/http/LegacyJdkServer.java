package dev.preflight.http;

import dev.preflight.testsupport.HeldCertificate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A JDK TLS server in a JVM of its own, started with {@code jdk.tls.disabledAlgorithms} emptied, so that
 * it speaks SSLv3 to TLS 1.2 and every suite the JDK still implements: 3DES, RC4, DES, EXPORT, NULL,
 * anonymous. Only a separate JVM may be changed like this: the security property is global, and the
 * probe must see its own JVM as shipped. The child prints its port, then completes each handshake and
 * hangs up; close destroys it.
 */
final class LegacyJdkServer implements AutoCloseable {
    private static final String PASSWORD = "test-only";

    private final Process process;
    private final int port;

    private LegacyJdkServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * @param dir a private directory for the key store and security properties
     * @param leaf what to present
     * @param protocols the JSSE names of the versions to speak, comma-separated
     * @return the running server
     */
    static LegacyJdkServer start(Path dir, HeldCertificate leaf, String protocols) {
        try {
            Path store = dir.resolve("server.p12");
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("server", leaf.privateKey(), PASSWORD.toCharArray(), new Certificate[] {leaf.certificate()});
            try (OutputStream out = Files.newOutputStream(store)) {
                keys.store(out, PASSWORD.toCharArray());
            }
            Path security = Files.writeString(dir.resolve("relaxed.security"),
                    "jdk.tls.disabledAlgorithms=\njdk.certpath.disabledAlgorithms=\njdk.tls.legacyAlgorithms=\n");
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.security.properties=" + security, "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                    "-cp", System.getProperty("java.class.path"), LegacyJdkServer.class.getName(),
                    store.toString(), protocols).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("PORT ")) {
                process.destroyForcibly();
                throw new IllegalStateException("the legacy server did not start: " + line);
            }
            Thread drain = new Thread(() -> {
                try {
                    out.transferTo(java.io.Writer.nullWriter());
                } catch (IOException e) {
                    // the process ended
                }
            }, "legacy-server-output");
            drain.setDaemon(true);
            drain.start();
            return new LegacyJdkServer(process, Integer.parseInt(line.substring(5).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
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

    /**
     * The child: {@code <key store> <protocols>}. The parent destroys it; should the parent die first,
     * its end of the child's stdin closes and the child exits too.
     *
     * @param args the key store path and the protocols, comma-separated
     * @throws Exception if it cannot listen
     */
    public static void main(String[] args) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(Path.of(args[0]))) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance("SunX509");
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setEnabledProtocols(args[1].split(","));
        server.setEnabledCipherSuites(server.getSupportedCipherSuites());
        Thread watchdog = new Thread(() -> {
            try {
                System.in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // the parent is gone either way
            }
            System.exit(0);
        });
        watchdog.setDaemon(true);
        watchdog.start();
        System.out.println("PORT " + server.getLocalPort());
        System.out.flush();
        while (true) {
            Socket socket = server.accept();
            Thread t = new Thread(() -> {
                try (socket) {
                    socket.setSoTimeout(5000);
                    ((SSLSocket) socket).startHandshake();
                } catch (IOException e) {
                    // refused or hung up: expected
                }
            });
            t.setDaemon(true);
            t.start();
        }
    }
}
