package dev.preflight.payments.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A trust manager for the JDK's default roots plus the run's extra CAs ({@code --ca-file}), for an
 * application whose webhook endpoint has a certificate from a private CA. It is the JDK's own PKIX
 * trust manager over a larger set of anchors: chains are still validated in full, and okhttp still
 * checks the host name.
 *
 * @param manager the trust manager
 * @param context a TLS context using it
 */
public record WebhookTrust(X509TrustManager manager, SSLContext context) {

    /**
     * @param extra CA certificates to trust in addition to the default ones; not empty
     * @return the trust
     * @throws GeneralSecurityException if the default trust store cannot be read
     */
    public static WebhookTrust with(List<X509Certificate> extra) throws GeneralSecurityException {
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            anchors.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot create an empty key store", e);
        }
        int i = 0;
        for (X509Certificate root : defaultManager(null).getAcceptedIssuers()) {
            anchors.setCertificateEntry("default-" + i++, root);
        }
        for (X509Certificate root : extra) {
            anchors.setCertificateEntry("extra-" + i++, root);
        }
        X509TrustManager manager = defaultManager(anchors);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {manager}, null);
        return new WebhookTrust(manager, tls);
    }

    private static X509TrustManager defaultManager(KeyStore anchors) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(anchors);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JDK offers no X.509 trust manager");
    }
}
