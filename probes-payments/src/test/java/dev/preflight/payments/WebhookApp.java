package dev.preflight.payments;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The application side of a webhook: a real HTTP server on 127.0.0.1 whose endpoint answers each
 * delivery with the status its {@link Answer} decides, recording what it received.
 */
final class WebhookApp implements AutoCloseable {
    /** Decides the status of one delivery from its headers and raw body. */
    @FunctionalInterface
    interface Answer {
        int status(Headers headers, byte[] body);
    }

    /** A delivery as the application received it. */
    record Received(String method, String path, Headers headers, byte[] body) {
    }

    static final String PATH = "/webhooks/provider";

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private WebhookApp(Answer answer, String location) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders(), body));
                int status = answer.status(exchange.getRequestHeaders(), body);
                if (location != null) {
                    exchange.getResponseHeaders().set("Location", location);
                }
                exchange.sendResponseHeaders(status, -1);
            }
        });
        server.start();
    }

    /** @return an application answering every delivery as {@code answer} says */
    static WebhookApp answering(Answer answer) throws IOException {
        return new WebhookApp(answer, null);
    }

    /** @return an application that redirects every delivery to {@code location} with {@code status} */
    static WebhookApp redirecting(int status, String location) throws IOException {
        return new WebhookApp((h, b) -> status, location);
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** @return the webhook URL on the loopback address */
    String url() {
        return "http://127.0.0.1:" + port() + PATH;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
