package dev.preflight.testsupport;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * A plain HTTP server on a loopback address and a free port, answering with a handler: the
 * {@code http://} side of a site, for redirect and header tests. Built on the JDK's
 * {@link HttpServer}. Close it to stop it.
 *
 * <pre>{@code
 * try (HttpTestServer server = HttpTestServer.start(TestRoutes.redirect(301, "https://shop.test/"))) {
 *     Target target = Target.web("http://shop.test:" + server.port() + "/");
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class HttpTestServer implements AutoCloseable {
    private final HttpServer server;

    private HttpTestServer(HttpServer server) {
        this.server = server;
    }

    /**
     * @param handler answers every request
     * @return the running server on {@code 127.0.0.1} and a free port
     * @throws IOException if it cannot bind
     */
    public static HttpTestServer start(HttpHandler handler) throws IOException {
        return start(handler, InetAddress.getLoopbackAddress(), 0);
    }

    /**
     * @param handler answers every request
     * @param address a loopback address
     * @param port a port, or 0 for a free one
     * @return the running server
     * @throws IOException if it cannot bind
     */
    public static HttpTestServer start(HttpHandler handler, InetAddress address, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
        server.createContext("/", Objects.requireNonNull(handler, "'handler' must not be null"));
        server.start();
        return new HttpTestServer(server);
    }

    /** @return the port the server listens on */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops the server at once, dropping open connections. */
    @Override
    public void close() {
        server.stop(0);
    }
}
