package dev.preflight.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.Message;

/** Relays UDP DNS questions to a real server and records each question asked, to count lookups. */
final class CountingDnsProxy implements AutoCloseable {
    private final DatagramSocket front;
    private final InetSocketAddress server;
    private final List<String> questions = new CopyOnWriteArrayList<>();
    private final Thread relay;

    CountingDnsProxy(InetSocketAddress server) throws SocketException {
        this.front = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.server = server;
        this.relay = new Thread(this::relay, "counting-dns-proxy");
        relay.setDaemon(true);
        relay.start();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), front.getLocalPort());
    }

    /** @return each question as {@code TYPE name.}, in the order asked */
    List<String> questions() {
        return List.copyOf(questions);
    }

    private void relay() {
        byte[] buffer = new byte[4096];
        while (!front.isClosed()) {
            try {
                DatagramPacket query = new DatagramPacket(buffer, buffer.length);
                front.receive(query);
                byte[] bytes = java.util.Arrays.copyOf(query.getData(), query.getLength());
                Message message = new Message(bytes);
                questions.add(org.xbill.DNS.Type.string(message.getQuestion().getType()) + " "
                        + message.getQuestion().getName());
                try (DatagramSocket back = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                    back.setSoTimeout(2000);
                    back.send(new DatagramPacket(bytes, bytes.length, server));
                    DatagramPacket answer = new DatagramPacket(new byte[4096], 4096);
                    back.receive(answer);
                    front.send(new DatagramPacket(answer.getData(), answer.getLength(), query.getSocketAddress()));
                }
            } catch (IOException e) {
                // Closed, or the server did not answer this one: the client's own timeout handles it.
            }
        }
    }

    @Override
    public void close() {
        front.close();
    }
}
