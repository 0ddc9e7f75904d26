package dev.preflight.payments.internal;

import dev.preflight.probe.NetworkSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.Dns;
import okhttp3.OkHttpClient;

/**
 * Makes a client (the provider's API, or the application's webhook endpoint) honour the run's
 * network settings: host overrides (curl's {@code --resolve}) decide where to connect while TLS
 * still checks the host name, and extra CA certificates are trusted besides the system's (a
 * TLS-inspecting proxy, or an application behind a private CA). The DNS server setting is not
 * applied: these names resolve through the system.
 */
final class ClientNetwork {
    /** Trust managers by extra certificates; a run has one list, built once. */
    private static final Map<List<X509Certificate>, X509TrustManager> TRUST = new ConcurrentHashMap<>();

    private ClientNetwork() {
    }

    /**
     * @param builder a client under construction
     * @param network the run's network settings
     * @param port the port the request goes to, to match host overrides
     * @return the builder
     * @throws IOException when the extra certificates cannot be made into a trust store
     */
    static OkHttpClient.Builder apply(OkHttpClient.Builder builder, NetworkSettings network, int port)
            throws IOException {
        if (!network.hostOverrides().isEmpty()) {
            builder.dns(host -> {
                List<InetAddress> overrides = network.overridesFor(host, port);
                return overrides.isEmpty() ? Dns.SYSTEM.lookup(host) : overrides;
            });
        }
        List<X509Certificate> extra = network.extraTrustedCertificates();
        if (!extra.isEmpty()) {
            try {
                X509TrustManager trust = TRUST.computeIfAbsent(extra, ClientNetwork::unchecked);
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(null, new TrustManager[] {trust}, null);
                builder.sslSocketFactory(tls.getSocketFactory(), trust);
            } catch (GeneralSecurityException | IllegalStateException e) {
                throw new IOException("cannot trust the extra CA certificates: " + e.getMessage());
            }
        }
        return builder;
    }

    private static X509TrustManager unchecked(List<X509Certificate> extra) {
        try {
            return systemPlus(extra);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The system's trust anchors and the extra certificates, in one trust manager. */
    static X509TrustManager systemPlus(List<X509Certificate> extra) throws GeneralSecurityException, IOException {
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        anchors.load(null, null);
        int n = 0;
        for (X509Certificate c : x509(null).getAcceptedIssuers()) {
            anchors.setCertificateEntry("system-" + n++, c);
        }
        for (X509Certificate c : extra) {
            anchors.setCertificateEntry("extra-" + n++, c);
        }
        return x509(anchors);
    }

    private static X509TrustManager x509(KeyStore anchors) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(anchors);
        for (TrustManager m : factory.getTrustManagers()) {
            if (m instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }
}
