package dev.preflight.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Handlers for the test servers: fixed answers per path, with repeated headers kept apart, so that a
 * test states exactly what the site under test sends.
 *
 * <pre>{@code
 * HttpHandler site = TestRoutes.builder()
 *         .on("/", TestRoutes.reply(200).header("Strict-Transport-Security", "max-age=31536000").body("<html>"))
 *         .on("/.env", TestRoutes.reply(200).body("DB_PASSWORD=x"))
 *         .otherwise(TestRoutes.reply(404))
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class TestRoutes {

    private TestRoutes() {
    }

    /** @return a builder of a path-to-answer handler */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param status the HTTP status
     * @return an answer to build on
     */
    public static Reply reply(int status) {
        return new Reply(status);
    }

    /**
     * @param status e.g. 301
     * @param location where to send the client
     * @return a handler that redirects every request
     */
    public static HttpHandler redirect(int status, String location) {
        return reply(status).header("Location", location);
    }

    /**
     * An answer: status, header lines in order (a name may repeat), body. Mutable while a test builds
     * it; answers every request it handles the same way.
     *
     * @since 0.1
     */
    public static final class Reply implements HttpHandler {
        private final int status;
        private final List<String[]> headers = new ArrayList<>();
        private byte[] body = new byte[0];

        private Reply(int status) {
            this.status = status;
        }

        /** @param name a header name @param value its value, added as its own line @return this reply */
        public Reply header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        /** @param text the body, UTF-8 @return this reply */
        public Reply body(String text) {
            this.body = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        /** @param bytes the body @return this reply */
        public Reply body(byte[] bytes) {
            this.body = bytes.clone();
            return this;
        }

        @Override
        public void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                headers.forEach(h -> exchange.getResponseHeaders().add(h[0], h[1]));
                boolean head = exchange.getRequestMethod().equals("HEAD");
                exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
                if (!head && body.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            }
        }
    }

    /**
     * Builds a handler that picks an answer by the request path (without the query).
     *
     * @since 0.1
     */
    public static final class Builder {
        private final Map<String, HttpHandler> routes = new LinkedHashMap<>();
        private HttpHandler otherwise = reply(404).body("not found");

        private Builder() {
        }

        /** @param path an exact path @param handler its answer @return this builder */
        public Builder on(String path, HttpHandler handler) {
            routes.put(path, handler);
            return this;
        }

        /** @param handler the answer for every other path @return this builder */
        public Builder otherwise(HttpHandler handler) {
            this.otherwise = handler;
            return this;
        }

        /** @return the handler */
        public HttpHandler build() {
            Map<String, HttpHandler> fixed = Map.copyOf(routes);
            HttpHandler fallback = otherwise;
            return exchange -> fixed.getOrDefault(exchange.getRequestURI().getPath(), fallback).handle(exchange);
        }
    }
}
