package dev.preflight.testsupport;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTPS server on {@code 127.0.0.1} (or another loopback address) and a free port, serving a chosen certificate chain: the leaf
 * alone (the "missing intermediate" mistake) or the leaf followed by intermediates. It answers every
 * request with a configured status, headers and body. Built on the JDK's {@link HttpsServer}, so the
 * handshake is a real one. Close it to stop it.
 *
 * <pre>{@code
 * try (TlsTestServer server = TlsTestServer.builder(leaf).intermediates(intermediate)
 *         .respond(200, Map.of("Strict-Transport-Security", "max-age=31536000")).start()) {
 *     Target target = Target.web("https://shop.test:" + server.port() + "/");
 *     ...
 * }
 * }</pre>
 *
 * <p>The server ignores SNI: it always presents its one chain. Thread-safe once started.
 *
 * @since 0.1
 */
public final class TlsTestServer implements AutoCloseable {

    private final HttpsServer server;
    private final AtomicInteger connections;

    private TlsTestServer(HttpsServer server, AtomicInteger connections) {
        this.server = server;
        this.connections = connections;
    }

    /**
     * @param leaf the certificate to present, with its key
     * @return a builder for a server presenting it
     */
    public static Builder builder(HeldCertificate leaf) {
        return new Builder(leaf);
    }

    /** @return the port the server listens on, on {@code 127.0.0.1} */
    public int port() {
        return server.getAddress().getPort();
    }

    /** @return the address the server listens on */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /**
     * @return how many connections the server has accepted, handshakes completed or not; for tests that
     *     prove a result came from a cache
     * @since 0.3
     */
    public int connections() {
        return connections.get();
    }

    /** Stops the server at once, dropping open connections. */
    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * Configures a {@link TlsTestServer}. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final HeldCertificate leaf;
        private final List<HeldCertificate> intermediates = new ArrayList<>();
        private HttpHandler handler = respondingWith(200, Map.of(), "");
        private InetSocketAddress bindTo = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

        private Builder(HeldCertificate leaf) {
            this.leaf = Objects.requireNonNull(leaf, "'leaf' must not be null");
        }

        /** @param certificates certificates to send after the leaf, in order @return this builder */
        public Builder intermediates(HeldCertificate... certificates) {
            intermediates.addAll(List.of(certificates));
            return this;
        }

        /** @param status the HTTP status @param headers response headers @return this builder */
        public Builder respond(int status, Map<String, String> headers) {
            return respond(status, headers, "");
        }

        /**
         * @param status the HTTP status
         * @param headers response headers, in order
         * @param body the response body, UTF-8
         * @return this builder
         */
        public Builder respond(int status, Map<String, String> headers, String body) {
            this.handler = respondingWith(status, headers, body);
            return this;
        }

        /**
         * Listens on another loopback address or a given port, e.g. a second node of one host on
         * {@code 127.0.0.2} and the first node's port.
         *
         * @param address a loopback address
         * @param port a port, or 0 for a free one
         * @return this builder
         */
        public Builder bind(InetAddress address, int port) {
            this.bindTo = new InetSocketAddress(address, port);
            return this;
        }

        /** @param handler answers every request, for anything {@link #respond} cannot express @return this builder */
        public Builder handler(HttpHandler handler) {
            this.handler = Objects.requireNonNull(handler, "'handler' must not be null");
            return this;
        }

        /**
         * @return the running server
         * @throws IOException if it cannot bind
         */
        public TlsTestServer start() throws IOException {
            HttpsServer server = HttpsServer.create(bindTo, 0);
            AtomicInteger connections = new AtomicInteger();
            // The JDK's server configures each accepted connection once, before its handshake.
            server.setHttpsConfigurator(new HttpsConfigurator(ServerTls.context(leaf, intermediates)) {
                @Override
                public void configure(HttpsParameters params) {
                    connections.incrementAndGet();
                    super.configure(params);
                }
            });
            server.createContext("/", handler);
            server.start();
            return new TlsTestServer(server, connections);
        }

        private static HttpHandler respondingWith(int status, Map<String, String> headers, String body) {
            Map<String, String> fixed = new LinkedHashMap<>(headers);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    fixed.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
                    if (bytes.length > 0) {
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(bytes);
                        }
                    }
                }
            };
        }
    }
}
