package dev.preflight.serve.internal;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import dev.preflight.ConfigException;
import dev.preflight.config.WebConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The exporter's listener TLS from a {@code web.yml}: the PEM chain and key (PKCS#8, PKCS#1 or SEC1,
 * read with BouncyCastle's PEM parser), the lowest protocol version, and client certificates verified
 * against the given CAs when required.
 */
public final class ListenerTls {
    private static final char[] STORE_PASSWORD = "in-memory".toCharArray();

    private ListenerTls() {
    }

    /**
     * @param tls what web.yml says
     * @return the configurator for the HTTPS listener
     * @throws ConfigException naming the file that cannot be used
     */
    public static HttpsConfigurator configurator(WebConfig.Tls tls) {
        SSLContext context = context(tls);
        String[] protocols = tls.minVersion().equals("TLSv1.3") ? new String[] {"TLSv1.3"}
                : new String[] {"TLSv1.3", "TLSv1.2"};
        boolean clientCerts = tls.clientCaFile().isPresent();
        return new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = context.getDefaultSSLParameters();
                parameters.setProtocols(protocols);
                parameters.setNeedClientAuth(clientCerts);
                params.setSSLParameters(parameters);
            }
        };
    }

    private static SSLContext context(WebConfig.Tls tls) {
        List<X509Certificate> chain = certificates(tls.certFile());
        if (chain.isEmpty()) {
            throw new ConfigException(tls.certFile().toString(), 0, null, "holds no PEM certificate");
        }
        PrivateKey key = key(tls.keyFile());
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("exporter", key, STORE_PASSWORD, chain.toArray(Certificate[]::new));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, STORE_PASSWORD);
            TrustManagerFactory trust = null;
            if (tls.clientCaFile().isPresent()) {
                KeyStore cas = KeyStore.getInstance("PKCS12");
                cas.load(null, null);
                int i = 0;
                for (X509Certificate ca : certificates(tls.clientCaFile().get())) {
                    cas.setCertificateEntry("ca-" + i++, ca);
                }
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(cas);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new ConfigException(tls.keyFile().toString(), 0, null, "the key does not fit the certificate "
                    + tls.certFile() + " or cannot be used: " + e.getMessage());
        }
    }

    private static List<X509Certificate> certificates(Path file) {
        try (var in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) c);
            }
            return certificates;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException(file.toString(), 0, null, "is not a PEM certificate file: " + e.getMessage());
        }
    }

    private static PrivateKey key(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(reader)) {
            Object read = pem.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (read instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            if (read instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            throw new ConfigException(file.toString(), 0, null, "holds no unencrypted PEM private key");
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, null, "cannot read the private key: " + e.getMessage());
        }
    }
}
