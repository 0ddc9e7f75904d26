package dev.preflight.testsupport;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The TLS context of an in-process test server that presents a minted chain exactly as given. */
final class ServerTls {
    private static final char[] STORE_PASSWORD = "test-only".toCharArray();

    private ServerTls() {
    }

    /**
     * @param leaf the server's certificate and key
     * @param intermediates sent after the leaf, in order
     * @return a server context presenting that chain
     * @throws IllegalStateException if the JVM cannot build it
     */
    static SSLContext context(HeldCertificate leaf, List<HeldCertificate> intermediates) {
        try {
            List<Certificate> chain = new ArrayList<>();
            chain.add(leaf.certificate());
            intermediates.forEach(c -> chain.add(c.certificate()));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", leaf.privateKey(), STORE_PASSWORD, chain.toArray(Certificate[]::new));
            // SunX509 presents the stored chain whatever the client's signature_algorithms_cert say,
            // so that a SHA-1 or RSA 1024 chain still reaches the client under test.
            KeyManagerFactory keys = KeyManagerFactory.getInstance("SunX509");
            keys.init(store, STORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the server's TLS context", e);
        }
    }
}
