package dev.preflight.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP server on the loopback interface that accepts every connection, reads what clients send and
 * never writes a byte: the hung server every probe must give up on at its deadline. The same port
 * takes UDP datagrams and never answers them either, so that it is also a DNS server that never
 * answers. Thread-safe.
 */
public final class SilentServer implements AutoCloseable {
    private final ServerSocket server;
    private final DatagramSocket datagrams;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final List<Socket> accepted = new ArrayList<>();

    private SilentServer(ServerSocket server, DatagramSocket datagrams) {
        this.server = server;
        this.datagrams = datagrams;
    }

    /** @return a started server on an ephemeral loopback port, for TCP and UDP */
    public static SilentServer start() {
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            ServerSocket socket = null;
            try {
                socket = new ServerSocket();
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
                // The UDP side of the same port may be taken by someone else: then try another port.
                DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        socket.getLocalPort()));
                SilentServer silent = new SilentServer(socket, udp);
                daemon("preflight-silent-accept-" + socket.getLocalPort(), silent::acceptForever).start();
                daemon("preflight-silent-udp-" + socket.getLocalPort(), silent::swallowDatagrams).start();
                return silent;
            } catch (IOException e) {
                last = e;
                if (socket != null) {
                    closeQuietly(socket);
                }
            }
        }
        throw new UncheckedIOException("could not start the silent server", last);
    }

    /** @return where the server listens, for TCP and UDP (e.g. as a DNS server) */
    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /**
     * A loopback address where nothing listens: a port the system just handed out and took back, so
     * connections are refused at once.
     *
     * @return {@code host:port}
     */
    public static String unreachableAuthority() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return authority(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("could not find a free loopback port", e);
        }
    }

    /** @return {@code host:port} of this server */
    public String authority() {
        return authority(server.getLocalPort());
    }

    /** @return connections accepted so far */
    public int connections() {
        return connections.get();
    }

    /** @return bytes received so far, over all connections */
    public long bytesReceived() {
        return bytesReceived.get();
    }

    @Override
    public void close() {
        List<Socket> open;
        synchronized (accepted) {
            open = List.copyOf(accepted);
        }
        closeQuietly(server);
        closeQuietly(datagrams);
        open.forEach(SilentServer::closeQuietly);
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                synchronized (accepted) {
                    accepted.add(socket);
                }
                daemon("preflight-silent-read-" + socket.getPort(), () -> drain(socket)).start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void swallowDatagrams() {
        byte[] buffer = new byte[4096];
        while (!datagrams.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                datagrams.receive(packet);
                bytesReceived.addAndGet(packet.getLength());
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void drain(Socket socket) {
        byte[] buffer = new byte[4096];
        try (InputStream in = socket.getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytesReceived.addAndGet(n);
            }
        } catch (IOException e) {
            // The client hung up or the server closed: either way, nothing more to count.
        }
    }

    private static String authority(int port) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        String host = loopback instanceof Inet6Address ? "[" + loopback.getHostAddress() + "]" : loopback.getHostAddress();
        return host + ":" + port;
    }

    private static Thread daemon(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        return t;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // Closing at the end of a test: nothing to do about it.
        }
    }
}
