package dev.preflight.testsupport;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/**
 * Free ports on {@code 127.0.0.1} for servers that run in another process, and the retry such a
 * server's start needs: a port is found free by binding and releasing it, so another process may
 * take it before the server binds it. The server's start then fails with {@link PortTakenException}
 * and {@link #retryIfTaken} starts it again on fresh ports.
 *
 * <pre>{@code
 * return FreePorts.retryIfTaken(() -> {
 *     int port = FreePorts.tcp();
 *     PrivateProcess redis = ...; // start it on the port, then
 *     redis.awaitReady(timeout, "port " + port, PrivateProcess.Readiness.listening(List.of(port)));
 *     return new RedisServer(redis, port);
 * });
 * }</pre>
 *
 * <p>Thread-safe: every method is static and keeps no state.
 *
 * @since 0.1
 */
public final class FreePorts {
    /**
     * {@code 127.0.0.1}. Not {@link InetAddress#getLoopbackAddress()}: that may be {@code ::1}, and the
     * servers are configured to listen on IPv4 only.
     */
    public static final InetAddress LOOPBACK = ipv4Loopback();

    /** How many times {@link #retryIfTaken} tries a start: 3. */
    public static final int ATTEMPTS = 3;

    private FreePorts() {
    }

    /**
     * @return a TCP port of {@link #LOOPBACK} that was free a moment ago
     * @throws IOException if no port could be bound
     */
    public static int tcp() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        }
    }

    /**
     * @param count how many ports, at least 1
     * @return that many distinct TCP ports of {@link #LOOPBACK}, each free a moment ago
     * @throws IOException if they could not all be bound
     * @throws IllegalArgumentException if {@code count} is less than 1
     */
    public static int[] tcp(int count) throws IOException {
        if (count < 1) {
            throw new IllegalArgumentException("'count' must be at least 1, was " + count);
        }
        ServerSocket[] sockets = new ServerSocket[count];
        int[] ports = new int[count];
        try {
            // Held open together, so the system cannot hand out the same port twice.
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, LOOPBACK);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }

    /**
     * @return a port of {@link #LOOPBACK} that was free a moment ago for both TCP and UDP (for DNS)
     * @throws IOException if none was found in 20 tries
     */
    public static int tcpAndUdp() throws IOException {
        return tcpAndUdp(LOOPBACK);
    }

    /**
     * @param address a loopback address, e.g. {@code 127.0.0.2}
     * @return a port of that address that was free a moment ago for both TCP and UDP (for DNS)
     * @throws IOException if none was found in 20 tries
     */
    public static int tcpAndUdp(InetAddress address) throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, address)) {
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, tcp.getLocalPort()))) {
                    return udp.getLocalPort();
                } catch (IOException taken) {
                    // UDP side in use: try another port.
                }
            }
        }
        throw new IOException("found no loopback port free for both UDP and TCP");
    }

    /**
     * Runs a start up to {@link #ATTEMPTS} times while it fails with {@link PortTakenException}. The
     * start must pick its ports afresh and clean up after itself when it fails.
     *
     * @param start picks free ports and starts a server on them
     * @param <T> the server
     * @return what the first successful start returned
     * @throws IOException the last {@code PortTakenException} if every attempt lost its port, or the
     *     first other {@code IOException}, unchanged
     */
    public static <T> T retryIfTaken(Start<T> start) throws IOException {
        PortTakenException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return start.run();
            } catch (PortTakenException e) {
                last = e;
            }
        }
        throw last;
    }

    /**
     * A server start that may lose its port to another process.
     *
     * @param <T> the started server
     * @since 0.1
     */
    @FunctionalInterface
    public interface Start<T> {
        /**
         * @return the started server
         * @throws IOException {@link PortTakenException} to be tried again, anything else to give up
         */
        T run() throws IOException;
    }

    /**
     * A server could not bind a port found free a moment before; {@link PrivateProcess#awaitReady}
     * throws it when the process's log says "address already in use".
     *
     * @since 0.1
     */
    public static final class PortTakenException extends IOException {
        private static final long serialVersionUID = 1L;

        /**
         * @param server the server's name, e.g. {@code nginx}
         * @param log its log, which names the port
         */
        public PortTakenException(String server, String log) {
            super("a port was taken before " + server + " could bind it; its log:\n" + log);
        }
    }

    private static InetAddress ipv4Loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
