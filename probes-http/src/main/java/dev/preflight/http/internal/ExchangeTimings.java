package dev.preflight.http.internal;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.EventListener;

/**
 * What one exchange's events tell: whether it opened a connection of its own, and how long the
 * server took from the request to the first byte of its answer. That interval is the server's: it
 * leaves out name lookup, connecting and the TLS handshake, whose cost grows with the checking
 * machine's own load. One instance per call; okhttp calls it on the calling thread or its own.
 */
final class ExchangeTimings extends EventListener {
    private volatile boolean newConnection;
    private volatile long requestSent;
    private volatile long firstByte;

    @Override
    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
        newConnection = true;
    }

    @Override
    public void requestHeadersStart(Call call) {
        requestSent = System.nanoTime();
    }

    @Override
    public void responseHeadersStart(Call call) {
        firstByte = System.nanoTime();
    }

    /** @return whether the exchange connected anew rather than reusing a pooled connection */
    boolean newConnection() {
        return newConnection;
    }

    /** @return from sending the request to the first byte of the answer, or null if either is unknown */
    Duration timeToFirstByte() {
        long sent = requestSent;
        long first = firstByte;
        return sent == 0 || first == 0 || first < sent ? null : Duration.ofNanos(first - sent);
    }
}
