package dev.preflight.testsupport;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A DNS server that never answers: it listens on one free port of {@code 127.0.0.1} (or a given
 * loopback address and port) over UDP and TCP, reads every query and counts it, and sends nothing. TCP connections are accepted and held
 * open, silent, until {@link #close()}. For deadline tests: a lookup against it can only end by its
 * own timeout.
 *
 * <pre>{@code
 * try (SilentDnsServer silent = SilentDnsServer.start()) {
 *     // point the probe at silent.address() with a 300 ms deadline, then
 *     assertThat(silent.queries()).isPositive();
 * }
 * }</pre>
 *
 * <p>Thread-safe. Its threads are daemons and end on {@code close()}.
 *
 * @since 0.1
 */
public final class SilentDnsServer implements AutoCloseable {
    private static final InetAddress LOOPBACK = loopback();

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger udpQueries = new AtomicInteger();
    private final AtomicInteger tcpQueries = new AtomicInteger();
    private final AtomicInteger tcpConnections = new AtomicInteger();
    private volatile boolean closed;

    private SilentDnsServer(DatagramSocket udp, ServerSocket tcp) {
        this.udp = udp;
        this.tcp = tcp;
        daemon(this::receiveUdp, "silent-dns-udp");
        daemon(this::acceptTcp, "silent-dns-tcp");
    }

    /**
     * Binds a UDP and a TCP socket on the same free loopback port and starts listening.
     *
     * @return the running server
     * @throws IOException if no port is free for both protocols
     */
    public static SilentDnsServer start() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            ServerSocket tcp = new ServerSocket(0, 50, LOOPBACK);
            try {
                DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, tcp.getLocalPort()));
                return new SilentDnsServer(udp, tcp);
            } catch (IOException taken) {
                tcp.close();
            }
        }
        throw new IOException("found no loopback port free for both UDP and TCP");
    }

    /**
     * Binds a UDP and a TCP socket on one given loopback address and port, e.g. a silent name server
     * of a zone whose other servers are {@link DnsTestServer}s on {@code 127.0.0.2} and that port.
     *
     * @param address a loopback address
     * @param port the port for both protocols
     * @return the running server
     * @throws IOException if the port is taken on that address
     * @throws IllegalArgumentException if the address is not a loopback address
     */
    public static SilentDnsServer start(InetAddress address, int port) throws IOException {
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("tests listen on loopback addresses only, not " + address);
        }
        ServerSocket tcp = new ServerSocket(port, 50, address);
        try {
            return new SilentDnsServer(new DatagramSocket(new InetSocketAddress(address, port)), tcp);
        } catch (IOException taken) {
            tcp.close();
            throw taken;
        }
    }

    /** @return the address listened on ({@code 127.0.0.1} unless given) and the port, the same for UDP and TCP */
    public InetSocketAddress address() {
        return new InetSocketAddress(tcp.getInetAddress(), tcp.getLocalPort());
    }

    /** @return the port */
    public int port() {
        return tcp.getLocalPort();
    }

    /** @return the queries received so far, UDP datagrams and TCP messages */
    public int queries() {
        return udpQueries.get() + tcpQueries.get();
    }

    /** @return the UDP datagrams received so far */
    public int udpQueries() {
        return udpQueries.get();
    }

    /** @return the length-prefixed TCP messages read so far (RFC 1035 §4.2.2) */
    public int tcpQueries() {
        return tcpQueries.get();
    }

    /** @return the TCP connections accepted so far */
    public int tcpConnections() {
        return tcpConnections.get();
    }

    /** Closes both sockets and every held connection. */
    @Override
    public void close() {
        closed = true;
        udp.close();
        closeQuietly(tcp);
        for (Socket socket : held) {
            closeQuietly(socket);
        }
    }

    private void receiveUdp() {
        byte[] buffer = new byte[65_535];
        while (!closed) {
            try {
                udp.receive(new DatagramPacket(buffer, buffer.length));
                udpQueries.incrementAndGet();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void acceptTcp() {
        while (!closed) {
            try {
                Socket socket = tcp.accept();
                held.add(socket);
                tcpConnections.incrementAndGet();
                if (closed) {
                    closeQuietly(socket);
                    return;
                }
                daemon(() -> readTcp(socket), "silent-dns-tcp-" + socket.getPort());
            } catch (IOException e) {
                return;
            }
        }
    }

    private void readTcp(Socket socket) {
        try {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            while (!closed) {
                int length = in.readUnsignedShort();
                in.readNBytes(length);
                tcpQueries.incrementAndGet();
            }
        } catch (IOException e) {
            // The client gave up or close() ran: nothing to answer either way.
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing a socket that is already broken.
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
