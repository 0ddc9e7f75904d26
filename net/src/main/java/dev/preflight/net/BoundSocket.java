package dev.preflight.net;

import dev.preflight.probe.ProbeContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

/**
 * A socket for a client library (a database driver, a mail library) that still obeys the check: it
 * connects to the first address the check's resolver gives for the host the library names
 * ({@code --resolve}, {@code --dns-server}), within the deadline, with Nagle's algorithm off, and is
 * closed when the check is cancelled. With {@code armReads}, every read times out at the deadline
 * as it stands then, so that a server that drips bytes cannot stretch it.
 */
final class BoundSocket extends Socket {
    private final ProbeContext context;
    private final Network network;
    private final boolean armReads;

    BoundSocket(ProbeContext context, Network network, boolean armReads) {
        this.context = context;
        this.network = network;
        this.armReads = armReads;
        context.onCancel(this);
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        connect(endpoint, 0);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        InetSocketAddress target = (InetSocketAddress) endpoint;
        InetAddress address = target.isUnresolved() || target.getAddress() == null
                ? network.addresses(target.getHostString(), target.getPort()).get(0)
                : target.getAddress();
        long left = context.remaining().toMillis();
        if (left <= 0) {
            throw new DeadlineExceededException("no time left before the deadline to connect to "
                    + target.getHostString() + ":" + target.getPort());
        }
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout > 0 ? Math.min(timeout, left) : left);
        setTcpNoDelay(true);
        super.connect(new InetSocketAddress(address, target.getPort()), millis);
    }

    @Override
    public InputStream getInputStream() throws IOException {
        if (!armReads) {
            return super.getInputStream();
        }
        return new FilterInputStream(super.getInputStream()) {
            @Override
            public int read() throws IOException {
                network.armTimeout(BoundSocket.this);
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                network.armTimeout(BoundSocket.this);
                return super.read(b, off, len);
            }
        };
    }
}
