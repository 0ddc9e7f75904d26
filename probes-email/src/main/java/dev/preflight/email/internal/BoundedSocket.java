package dev.preflight.email.internal;

import dev.preflight.net.DeadlineExceededException;
import dev.preflight.net.Network;
import dev.preflight.probe.ProbeContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.function.Consumer;

/**
 * A socket for a mail library (Jakarta Mail) that still obeys the check: it connects to the address
 * Preflight's resolver gives for the host the library names ({@code --resolve}, {@code --dns-server}),
 * within the deadline, re-arms its read timeout to the time left before every read (a server that
 * drips bytes cannot stretch the deadline), and is closed when the check is cancelled.
 */
final class BoundedSocket extends Socket {
    private final ProbeContext context;
    private final Network network;
    private final Consumer<InetAddress> connected;

    /**
     * @param context the check's context, whose deadline bounds the socket
     * @param network the network of that context
     * @param connected told this side's address once connected (SMTP's EHLO names it)
     */
    BoundedSocket(ProbeContext context, Network network, Consumer<InetAddress> connected) {
        this.context = context;
        this.network = network;
        this.connected = connected;
        context.onCancel(this);
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        connect(endpoint, 0);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        InetSocketAddress named = (InetSocketAddress) endpoint;
        // Jakarta Mail is handed an IP literal (MailSessions.address); a name would still go through
        // Preflight's resolver. The first address only: a socket that failed to connect is closed.
        InetAddress address = network.addresses(named.getHostString(), named.getPort()).get(0);
        long left = context.remaining().toMillis();
        if (left <= 0) {
            throw new DeadlineExceededException("no time left to connect to " + named.getHostString() + ":"
                    + named.getPort());
        }
        int millis = (int) Math.min(left, timeout > 0 ? timeout : Integer.MAX_VALUE);
        super.connect(new InetSocketAddress(address, named.getPort()), millis);
        setTcpNoDelay(true);
        connected.accept(getLocalAddress());
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return new FilterInputStream(super.getInputStream()) {
            @Override
            public int read() throws IOException {
                network.armTimeout(BoundedSocket.this);
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                network.armTimeout(BoundedSocket.this);
                return super.read(b, off, len);
            }
        };
    }
}
