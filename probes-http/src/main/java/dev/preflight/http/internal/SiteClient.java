package dev.preflight.http.internal;

import okhttp3.OkHttpClient;

/**
 * The client a site's probes share for one address. Closed when the site's last probe is done: its
 * idle connections are closed then, not when they time out minutes later, so a sweep holds sockets
 * and TLS buffers only for the sites in flight.
 *
 * @param client a client with a connection pool of its own ({@code Network.inspectingClient})
 */
record SiteClient(OkHttpClient client) implements AutoCloseable {
    @Override
    public void close() {
        client.connectionPool().evictAll();
    }
}
