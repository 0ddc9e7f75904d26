package dev.preflight.http;

import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.TestCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A JDK TLS server on 127.0.0.1 and a free port that speaks only the protocol versions it is given,
 * completes each handshake and hangs up: what the protocol probe needs where {@code TlsTestServer}
 * (always the JDK defaults, TLS 1.2 and 1.3) cannot. Presents a self-signed RSA 2048 certificate for
 * {@code shop.test}, minted once. Close it to stop it.
 */
final class JdkTlsServer implements AutoCloseable {
    /** An RSA key, so that RSA key-exchange suites are possible too. */
    static final HeldCertificate LEAF = TestCertificates.builder(TestSites.HOST).dnsNames(TestSites.HOST).build();
    private static final char[] PASSWORD = "test-only".toCharArray();

    private final SSLServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jdk-tls-server");
        t.setDaemon(true);
        return t;
    });

    private final boolean refuseAlpn;

    private JdkTlsServer(SSLServerSocket server, boolean refuseAlpn) {
        this.server = server;
        this.refuseAlpn = refuseAlpn;
        connections.execute(this::acceptLoop);
    }

    /**
     * @param protocols the JSSE names of the versions to speak, e.g. {@code TLSv1.2}
     * @return the running server
     */
    static JdkTlsServer start(String... protocols) {
        return start(false, protocols);
    }

    /**
     * @param protocols the JSSE names of the versions to speak
     * @return a server that answers every ALPN offer with the alert {@code no_application_protocol}
     */
    static JdkTlsServer refusingEveryApplicationProtocol(String... protocols) {
        return start(true, protocols);
    }

    private static JdkTlsServer start(boolean refuseAlpn, String... protocols) {
        try {
            SSLServerSocket server = (SSLServerSocket) context().getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            server.setEnabledProtocols(protocols);
            return new JdkTlsServer(server, refuseAlpn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                if (refuseAlpn) {
                    // JSSE answers a null choice with the fatal alert no_application_protocol (RFC 7301 §3.2).
                    ((SSLSocket) socket).setHandshakeApplicationProtocolSelector((s, offered) -> null);
                }
                connections.execute(() -> handshake((SSLSocket) socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void handshake(SSLSocket socket) {
        try (socket) {
            socket.setSoTimeout(5000);
            socket.startHandshake();
        } catch (IOException e) {
            // the probe hangs up, refuses, or was refused: all expected
        }
    }

    private static SSLContext context() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", LEAF.privateKey(), PASSWORD, new Certificate[] {LEAF.certificate()});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the server's TLS context", e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        connections.shutdownNow();
    }
}
