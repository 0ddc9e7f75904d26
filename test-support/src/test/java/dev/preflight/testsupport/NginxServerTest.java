package dev.preflight.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NginxServerTest {
    private static HeldCertificate root;
    private static HeldCertificate intermediate;

    @BeforeAll
    static void mint() {
        // CI must run this test; elsewhere a missing nginx skips it visibly rather than failing the build.
        NginxServer.assumeAvailable();
        root = TestCertificates.builder("Nginx Test Root").certificateAuthority(1).build();
        intermediate = TestCertificates.builder("Nginx Test Intermediate").certificateAuthority(0).signedBy(root).build();
    }

    @Test
    void servesEachSiteItsOwnChainAndHeadersBySni() throws Exception {
        HeldCertificate shop = TestCertificates.builder("shop.test").dnsNames("shop.test").ecP256().signedBy(intermediate).build();
        HeldCertificate blog = TestCertificates.builder("blog.test").dnsNames("blog.test").ecP256().signedBy(root).build();
        try (NginxServer nginx = NginxServer.builder()
                .site(NginxSite.https("shop.test", shop, intermediate).header("Strict-Transport-Security", "max-age=63072000"))
                .site(NginxSite.https("blog.test", blog).respond(404, "gone"))
                .site(NginxSite.http("shop.test").directives("return 301 https://$host$request_uri;"))
                .start()) {
            Exchange toShop = exchange("shop.test", nginx.httpsPort());
            Exchange toBlog = exchange("blog.test", nginx.httpsPort());
            String plain = head(new Socket("127.0.0.1", nginx.httpPort()), "shop.test");

            assertThat(toShop.chain()).containsExactly(shop.certificate(), intermediate.certificate());
            assertThat(toShop.head()).startsWith("HTTP/1.1 200").contains("Strict-Transport-Security: max-age=63072000");
            assertThat(toBlog.chain()).containsExactly(blog.certificate());
            assertThat(toBlog.head()).startsWith("HTTP/1.1 404").doesNotContain("Strict-Transport-Security");
            assertThat(plain).startsWith("HTTP/1.1 301").contains("Location: https://shop.test/");
        }
    }

    @Test
    void closeStopsTheMasterAndItsWorkersAndDeletesTheDirectory() throws Exception {
        NginxServer nginx = NginxServer.builder().workerProcesses(2)
                .site(NginxSite.http("plain.test")).start();
        ProcessHandle master = nginx.process();
        // The master binds its ports before it forks the workers: wait for them, briefly.
        List<ProcessHandle> workers = descendants(master, 2, Duration.ofSeconds(5));
        Path dir = nginx.directory();

        nginx.close();

        assertThat(workers).hasSize(2);
        assertThat(master.isAlive()).isFalse();
        assertThat(workers).noneMatch(ProcessHandle::isAlive);
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void rawHttpContentWithPlaceholdersAndFiles() throws Exception {
        try (NginxServer nginx = NginxServer.builder().file("page.html", "from a file\n")
                .http("server { listen 127.0.0.1:${httpPort}; location / { root ${dir}; try_files /page.html =404; } }")
                .start()) {
            assertThat(head(new Socket("127.0.0.1", nginx.httpPort()), "any.test")).startsWith("HTTP/1.1 200")
                    .contains("Content-Length: 12");
        }
    }

    @Test
    void aRejectedConfigFailsWithNginxsOwnMessage() {
        assertThatThrownBy(() -> NginxServer.builder().http("no_such_directive on;").start())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("unknown directive \"no_such_directive\"");
    }

    private record Exchange(List<Certificate> chain, String head) {
    }

    private static Exchange exchange(String host, int port) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("root", root.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setServerNames(List.of(new SNIHostName(host)));
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        List<Certificate> chain = List.of(tls.getSession().getPeerCertificates());
        return new Exchange(chain, head(tls, host));
    }

    private static String head(Socket socket, String host) throws IOException {
        try (socket) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static List<ProcessHandle> descendants(ProcessHandle master, int expected, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        List<ProcessHandle> found = master.descendants().toList();
        while (found.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
            found = master.descendants().toList();
        }
        return found;
    }
}
