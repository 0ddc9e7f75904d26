package dev.preflight.email.internal;

import dev.preflight.net.Network;
import dev.preflight.probe.ProbeContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.Consumer;
import javax.net.SocketFactory;

/** Plain {@link BoundedSocket}s, for Jakarta Mail's {@code mail.<protocol>.socketFactory}. */
final class BoundedSocketFactory extends SocketFactory {
    private final ProbeContext context;
    private final Network network;
    private final Consumer<InetAddress> connected;

    BoundedSocketFactory(ProbeContext context, Network network, Consumer<InetAddress> connected) {
        this.context = context;
        this.network = network;
        this.connected = connected;
    }

    @Override
    public Socket createSocket() {
        return new BoundedSocket(context, network, connected);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = createSocket();
        socket.connect(InetSocketAddress.createUnresolved(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return createSocket(host.getHostAddress(), port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return createSocket(address, port);
    }
}
