package dev.preflight.db.postgres.internal;

import dev.preflight.net.Network;
import dev.preflight.probe.ProbeContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;

/**
 * pgjdbc's {@code sslfactory} when the URL asks {@code verify-ca} or {@code verify-full} but names no
 * {@code sslrootcert}: the chain must lead to the JVM's roots or to the run's {@code --ca-file}
 * certificates, so the password goes only to a server whose certificate checks out. (pgjdbc's own
 * default would look for {@code ~/.postgresql/root.crt}.) pgjdbc checks the host name itself for
 * {@code verify-full}.
 */
public final class RunTrust extends SSLSocketFactory {
    private final SSLSocketFactory delegate;

    /**
     * @param properties the connection's properties, naming the connecting check
     * @throws GeneralSecurityException if the trust store cannot be built
     * @throws IOException if the trust store cannot be built
     */
    public RunTrust(Properties properties) throws GeneralSecurityException, IOException {
        ProbeContext context = CheckSockets.connecting(properties);
        this.delegate = Network.of(context).tls().verifyingContext().getSocketFactory();
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return delegate.createSocket(socket, host, port, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return delegate.createSocket(address, port, localAddress, localPort);
    }
}
