package dev.preflight.host;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Real listening sockets on the loopback interface: one that accepts (the kernel completes the
 * handshake even before {@code accept}), and one whose accept queue is full, so that Linux drops new
 * SYNs and a connect hears nothing: the "filtered" case without a firewall.
 */
final class Listeners implements AutoCloseable {
    private final List<AutoCloseable> open = new ArrayList<>();

    /** @return the port of a new listener on {@code address} */
    int accepting(InetAddress address) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, address);
        open.add(server);
        return server.getLocalPort();
    }

    /**
     * @return the port of a listener on 127.0.0.1 that never accepts and whose queue is full: connects
     *     until one times out, with a deadline
     */
    int silent() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        ServerSocket server = new ServerSocket(0, 1, loopback);
        open.add(server);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            Socket filler = new Socket();
            open.add(filler);
            try {
                filler.connect(new InetSocketAddress(loopback, server.getLocalPort()), 200);
            } catch (SocketTimeoutException e) {
                return server.getLocalPort();
            }
        }
        throw new IllegalStateException("the accept queue of port " + server.getLocalPort() + " never filled");
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }
}
