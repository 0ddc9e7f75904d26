package dev.preflight.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 that passes its first connections through to a real server and holds every
 * later one open in silence: since the protocol scan connects in a fixed order, the JDK's TLS 1.3 and
 * 1.2 handshakes get answers and the hand-built hellos after them meet a server that drops them, as
 * some middleboxes do. Optionally it holds each passed connection's first bytes for a while, as a
 * loaded or distant TLS terminator delays the handshake. Close it to stop it.
 */
final class FirstConnectionsProxy implements AutoCloseable {
    private final ServerSocket server;
    private final int passed;
    private final int backendPort;
    private final long handshakeDelayMillis;
    private final AtomicInteger accepted = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "first-connections-proxy");
        t.setDaemon(true);
        return t;
    });

    private FirstConnectionsProxy(int passed, int backendPort, long handshakeDelayMillis) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.passed = passed;
        this.backendPort = backendPort;
        this.handshakeDelayMillis = handshakeDelayMillis;
        threads.execute(this::acceptLoop);
    }

    /**
     * @param passed how many connections to pass through
     * @param backendPort the real server's port on 127.0.0.1
     * @return the running proxy
     */
    static FirstConnectionsProxy start(int passed, int backendPort) {
        return start(passed, backendPort, java.time.Duration.ZERO);
    }

    /**
     * @param passed how many connections to pass through
     * @param backendPort the real server's port on 127.0.0.1
     * @param handshakeDelay how long each passed connection's first bytes wait before they go on
     * @return the running proxy
     */
    static FirstConnectionsProxy start(int passed, int backendPort, java.time.Duration handshakeDelay) {
        try {
            return new FirstConnectionsProxy(passed, backendPort, handshakeDelay.toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                boolean pass = accepted.getAndIncrement() < passed;
                threads.execute(() -> {
                    if (pass) {
                        forward(client);
                    } else {
                        hold(client);
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    private void forward(Socket client) {
        try (client; Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
            threads.execute(() -> copy(backend, client));
            if (handshakeDelayMillis > 0) {
                int first = client.getInputStream().read();
                Thread.sleep(handshakeDelayMillis);
                if (first >= 0) {
                    backend.getOutputStream().write(first);
                }
            }
            copy(client, backend);
        } catch (IOException e) {
            // either side hung up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException e) {
            // either side hung up
        }
    }

    private static void hold(Socket client) {
        try (client) {
            while (client.getInputStream().read() >= 0) {
                // say nothing
            }
        } catch (IOException e) {
            // the client gave up
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
