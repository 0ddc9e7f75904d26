package dev.preflight.net.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.SocketFactory;

/**
 * Sockets with Nagle's algorithm off. JSSE sends the last handshake flight and the first request as
 * separate small writes; with Nagle on, the second waits for the server's delayed ACK, about 40 ms
 * per connection (measured: a TLS 1.3 handshake and GET took 44-46 ms, and 2 ms without Nagle).
 */
public final class NoDelaySockets extends SocketFactory {
    /** The one instance: it holds no state. */
    public static final NoDelaySockets FACTORY = new NoDelaySockets();

    private NoDelaySockets() {
    }

    /**
     * @return an unconnected socket with TCP_NODELAY set
     * @throws SocketException if the option cannot be set
     */
    public static Socket unconnected() throws SocketException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        return socket;
    }

    @Override
    public Socket createSocket() throws SocketException {
        return unconnected();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return noDelay(new Socket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws SocketException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}
