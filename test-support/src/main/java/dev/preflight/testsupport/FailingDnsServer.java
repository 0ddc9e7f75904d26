package dev.preflight.testsupport;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/**
 * A DNS server that answers every UDP query at once with one error code and no records, e.g.
 * {@code SERVFAIL} as a resolver whose upstream is down gives it, on a free port of {@code 127.0.0.1}.
 * For tests of how a probe reports a failed server, which knotd, always able to answer its own zones,
 * cannot stage. A query that does not parse is dropped.
 *
 * <pre>{@code
 * try (FailingDnsServer failing = FailingDnsServer.start(Rcode.SERVFAIL)) {
 *     // point the probe at failing.address(), expect ERROR
 * }
 * }</pre>
 *
 * <p>Thread-safe. Its thread is a daemon and ends on {@code close()}.
 *
 * @since 0.2
 */
public final class FailingDnsServer implements AutoCloseable {
    private final DatagramSocket udp;
    private final int rcode;
    private final AtomicInteger queries = new AtomicInteger();

    private FailingDnsServer(DatagramSocket udp, int rcode) {
        this.udp = udp;
        this.rcode = rcode;
        Thread thread = new Thread(this::answer, "failing-dns-udp");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * @param rcode the code every answer carries, an {@link Rcode} value
     * @return the running server
     * @throws IOException if no UDP port can be bound
     */
    public static FailingDnsServer start(int rcode) throws IOException {
        return new FailingDnsServer(new DatagramSocket(new InetSocketAddress(FreePorts.LOOPBACK, 0)), rcode);
    }

    /** @return {@code 127.0.0.1} and the UDP port */
    public InetSocketAddress address() {
        return new InetSocketAddress(FreePorts.LOOPBACK, udp.getLocalPort());
    }

    /** @return the queries answered so far */
    public int queries() {
        return queries.get();
    }

    /** Closes the socket. */
    @Override
    public void close() {
        udp.close();
    }

    private void answer() {
        byte[] buffer = new byte[65_535];
        while (!udp.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                Message response = new Message(query.getHeader().getID());
                response.getHeader().setFlag(Flags.QR);
                response.getHeader().setRcode(rcode);
                if (query.getQuestion() != null) {
                    response.addRecord(query.getQuestion(), Section.QUESTION);
                }
                byte[] wire = response.toWire();
                // Counted before the answer leaves, so a client that has its answer sees the count.
                queries.incrementAndGet();
                udp.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (IOException e) {
                if (udp.isClosed()) {
                    return;
                }
                // A query that does not parse: dropped, as a server would.
            }
        }
    }
}
