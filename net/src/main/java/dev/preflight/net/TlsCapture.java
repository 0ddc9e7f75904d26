package dev.preflight.net;

import java.util.Optional;
import okhttp3.Request;

/**
 * Records the TLS session of the connection an HTTP request went over, with the chain exactly as the
 * server sent it (okhttp's own {@code Response.handshake()} cleans the chain against the trust store,
 * which hides what was served). Works with clients from {@link Network#inspectingClient}. Attach one
 * per request; it is filled while the request is sent. Thread-safe.
 *
 * <pre>{@code
 * TlsCapture tls = new TlsCapture();
 * Request request = tls.attachTo(new Request.Builder().url(url)).build();
 * try (Response response = client.newCall(request).execute()) { ... }
 * Optional<TlsSession> session = tls.session();
 * }</pre>
 *
 * @since 0.2
 */
public final class TlsCapture {
    private volatile TlsSession session;

    /**
     * @param request a request being built
     * @return the builder, tagged with this capture
     */
    public Request.Builder attachTo(Request.Builder request) {
        return request.tag(TlsCapture.class, this);
    }

    /** @return the session of the connection used, empty for plain HTTP or before the request was sent */
    public Optional<TlsSession> session() {
        return Optional.ofNullable(session);
    }

    void record(TlsSession tls) {
        this.session = tls;
    }
}
