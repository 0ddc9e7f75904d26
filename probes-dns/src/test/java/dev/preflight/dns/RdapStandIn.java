package dev.preflight.dns;

import com.sun.net.httpserver.HttpExchange;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.TestCertificates;
import dev.preflight.testsupport.TlsTestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTPS server standing in for IANA's bootstrap host and for RDAP servers, with a minted
 * chain whose root the test trusts: every host name of {@link #HOSTS} is on its certificate and
 * reaches it through a host override. Routes are {@code host + path}; each request is counted.
 */
final class RdapStandIn implements AutoCloseable {
    static final String[] HOSTS = {"bootstrap.iana.test", "rdap.registry.test", "rdap.registrar.test",
        "rdap.uk.test", "rdap.couk.test"};

    /** A canned answer. */
    record Reply(int status, Map<String, String> headers, String body) {
        static Reply json(String body) {
            return new Reply(200, Map.of("Content-Type", "application/rdap+json"), body);
        }
    }

    private final Map<String, Reply> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final HeldCertificate root;
    private final TlsTestServer server;

    RdapStandIn() throws IOException {
        Instant now = Instant.now();
        root = TestCertificates.builder("Preflight RDAP Test Root").certificateAuthority(0)
                .validity(now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(3650))).build();
        HeldCertificate leaf = TestCertificates.builder(HOSTS[0]).dnsNames(HOSTS)
                .validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365))).signedBy(root).build();
        server = TlsTestServer.builder(leaf).handler(this::answer).start();
    }

    int port() {
        return server.port();
    }

    X509Certificate root() {
        return root.certificate();
    }

    /** @return e.g. {@code https://rdap.registry.test:49152} */
    String origin(String host) {
        return "https://" + host + ":" + port();
    }

    void route(String host, String path, Reply reply) {
        routes.put(host + path, reply);
    }

    int requests(String host, String path) {
        AtomicInteger count = requests.get(host + path);
        return count == null ? 0 : count.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String host = exchange.getRequestHeaders().getFirst("Host").replaceFirst(":\\d+$", "");
            String key = host + exchange.getRequestURI().getRawPath();
            requests.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            Reply reply = routes.getOrDefault(key, new Reply(404, Map.of("Content-Type", "application/rdap+json"),
                    "{\"errorCode\":404,\"title\":\"Not Found\",\"description\":[\"No such object\"]}"));
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name,
                    value.replace("{origin}", "https://" + host + ":" + port())));
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
