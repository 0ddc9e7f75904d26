package dev.preflight.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.cert.Certificate;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import org.junit.jupiter.api.Test;

class TlsTestServerTest {

    @Test
    void servesTheLeafAndIntermediateWithTheConfiguredResponse() throws Exception {
        HeldCertificate root = TestCertificates.builder("Root").certificateAuthority(1).build();
        HeldCertificate intermediate = TestCertificates.builder("Intermediate").certificateAuthority(0)
                .signedBy(root).build();
        HeldCertificate leaf = TestCertificates.builder("localhost").dnsNames("localhost").ipAddresses("127.0.0.1")
                .signedBy(intermediate).build();

        try (TlsTestServer server = TlsTestServer.builder(leaf).intermediates(intermediate)
                .respond(204, Map.of("X-Test", "yes")).start()) {
            HttpsURLConnection connection = (HttpsURLConnection) java.net.URI.create(
                    "https://127.0.0.1:" + server.port() + "/").toURL().openConnection();
            connection.setSSLSocketFactory(root.trustingContext().getSocketFactory());
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(5_000);

            connection.connect();
            // Read before the response: a body-less 204 hands the connection back to the keep-alive cache.
            Certificate[] chain = connection.getServerCertificates();

            assertThat(chain).containsExactly(leaf.certificate(), intermediate.certificate());
            assertThat(connection.getResponseCode()).isEqualTo(204);
            assertThat(connection.getHeaderField("X-Test")).isEqualTo("yes");
            connection.disconnect();
        }
    }
}
