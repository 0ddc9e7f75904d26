package dev.preflight.net.internal;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The roots a chain may end in: the JDK's default trust store, read once per JVM, plus the run's
 * extra CAs ({@code --ca-file}). Both the certificate judgement and the verifying HTTP client take
 * their roots from here, so they never disagree about what is trusted.
 */
public final class TrustStores {
    /** Trust managers by extra certificates; a run has one list, so this stays small. */
    private static final Map<List<X509Certificate>, X509TrustManager> MANAGERS = new ConcurrentHashMap<>();
    /** Roots by extra certificates, likewise. */
    private static final Map<List<X509Certificate>, TrustRoots> ROOTS = new ConcurrentHashMap<>();

    private TrustStores() {
    }

    /**
     * @param extra CA certificates trusted in addition to the system's
     * @return the roots for PKIX validation, made once per list of extra CAs (a run has one)
     */
    public static TrustRoots roots(List<X509Certificate> extra) {
        return ROOTS.computeIfAbsent(List.copyOf(extra), TrustStores::index);
    }

    private static TrustRoots index(List<X509Certificate> extra) {
        List<X509Certificate> all = new ArrayList<>(SystemRoots.ROOTS);
        all.addAll(extra);
        return TrustRoots.of(all);
    }

    /**
     * @param extra CA certificates trusted in addition to the system's
     * @return a trust manager that accepts chains to either
     * @throws GeneralSecurityException if no trust manager can be made of them
     */
    public static X509TrustManager manager(List<X509Certificate> extra) throws GeneralSecurityException {
        try {
            return MANAGERS.computeIfAbsent(List.copyOf(extra), TrustStores::build);
        } catch (IllegalStateException e) {
            throw new GeneralSecurityException(e.getMessage(), e.getCause());
        }
    }

    private static X509TrustManager build(List<X509Certificate> extra) {
        try {
            if (extra.isEmpty()) {
                return x509(null);
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (X509Certificate root : SystemRoots.ROOTS) {
                store.setCertificateEntry("system-" + n++, root);
            }
            for (X509Certificate root : extra) {
                store.setCertificateEntry("extra-" + n++, root);
            }
            return x509(store);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot trust the extra CA certificates: " + e.getMessage(), e);
        }
    }

    private static X509TrustManager x509(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JVM has no X.509 trust manager");
    }

    /** Read once: the default trust store does not change while the JVM runs. */
    private static final class SystemRoots {
        static final List<X509Certificate> ROOTS = load();

        private static List<X509Certificate> load() {
            try {
                return List.of(x509(null).getAcceptedIssuers());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot read the JDK's default trust store", e);
            }
        }
    }
}
