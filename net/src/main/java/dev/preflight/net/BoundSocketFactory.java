package dev.preflight.net;

import dev.preflight.probe.ProbeContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/** Makes {@link BoundSocket}s: what {@link Network#socketFactory()} hands a client library. */
final class BoundSocketFactory extends SocketFactory {
    private final ProbeContext context;
    private final Network network;
    private final boolean armReads;

    BoundSocketFactory(ProbeContext context, Network network, boolean armReads) {
        this.context = context;
        this.network = network;
        this.armReads = armReads;
    }

    @Override
    public Socket createSocket() {
        return new BoundSocket(context, network, armReads);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = createSocket();
        try {
            socket.connect(InetSocketAddress.createUnresolved(host, port));
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        Socket socket = createSocket();
        try {
            socket.connect(new InetSocketAddress(host, port));
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return createSocket(address, port);
    }
}
