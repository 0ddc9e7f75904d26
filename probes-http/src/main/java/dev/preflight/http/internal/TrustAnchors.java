package dev.preflight.http.internal;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The roots a chain may end in: the JDK's default trust store plus the run's extra CAs. */
public final class TrustAnchors {

    private TrustAnchors() {
    }

    /**
     * @param extra CA certificates the user trusts in addition ({@code --ca-file})
     * @return the anchors
     * @throws GeneralSecurityException if the default trust store cannot be read
     */
    public static Set<TrustAnchor> of(List<X509Certificate> extra) throws GeneralSecurityException {
        Set<TrustAnchor> anchors = new HashSet<>();
        for (X509Certificate root : SystemRoots.ROOTS) {
            anchors.add(new TrustAnchor(root, null));
        }
        for (X509Certificate root : extra) {
            anchors.add(new TrustAnchor(root, null));
        }
        return anchors;
    }

    /** Read once: the default trust store does not change while the JVM runs. */
    private static final class SystemRoots {
        static final List<X509Certificate> ROOTS = load();

        private static List<X509Certificate> load() {
            try {
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init((KeyStore) null);
                for (TrustManager manager : factory.getTrustManagers()) {
                    if (manager instanceof X509TrustManager x509) {
                        return List.of(x509.getAcceptedIssuers());
                    }
                }
                return List.of();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot read the JDK's default trust store", e);
            }
        }
    }
}
