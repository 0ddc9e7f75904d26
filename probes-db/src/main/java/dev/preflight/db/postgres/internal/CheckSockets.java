package dev.preflight.db.postgres.internal;

import dev.preflight.net.Network;
import dev.preflight.probe.ProbeContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.SocketFactory;

/**
 * pgjdbc's {@code socketFactory} for the shared connection: the network layer's sockets
 * ({@link Network#socketFactoryForSharedConnection()}), which resolve the host through the check's
 * resolver (so {@code --resolve} and {@code --dns-server} apply), connect within the connecting
 * check's deadline, and are registered for that check's cancellation. pgjdbc makes the
 * factory by class name with the connection's properties, so the check is found through a key in
 * them ({@value #KEY}), registered for the length of the connect.
 */
public final class CheckSockets extends SocketFactory {
    /** The connection property that names the connecting check. */
    public static final String KEY = "preflight.check";

    private static final Map<String, ProbeContext> CONNECTING = new ConcurrentHashMap<>();

    private final ProbeContext context;

    /** @param properties the connection's properties, holding {@value #KEY} */
    public CheckSockets(Properties properties) {
        this.context = connecting(properties);
    }

    /**
     * @param properties a connection's properties
     * @return the check connecting with them
     * @throws IllegalStateException if no check is
     */
    static ProbeContext connecting(Properties properties) {
        ProbeContext context = CONNECTING.get(properties.getProperty(KEY, ""));
        if (context == null) {
            throw new IllegalStateException("no check is connecting under " + KEY);
        }
        return context;
    }

    /**
     * @param context the check that opens a connection
     * @return the key to put under {@value #KEY}; {@link #release} it once connected
     */
    static String register(ProbeContext context) {
        String key = UUID.randomUUID().toString();
        CONNECTING.put(key, context);
        return key;
    }

    /** @param key what {@link #register} gave */
    static void release(String key) {
        CONNECTING.remove(key);
    }

    @Override
    public Socket createSocket() throws IOException {
        return sockets().createSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return sockets().createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return sockets().createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return sockets().createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return sockets().createSocket(address, port, localAddress, localPort);
    }

    /** The network layer's sockets for a connection the target's later probes share: connect bounded only. */
    private SocketFactory sockets() {
        return Network.of(context).socketFactoryForSharedConnection();
    }
}
