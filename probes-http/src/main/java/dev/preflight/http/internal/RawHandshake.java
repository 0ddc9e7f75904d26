package dev.preflight.http.internal;

import dev.preflight.net.Network;
import dev.preflight.probe.ProbeContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Sends one hand-built ClientHello over a plain socket and reads the server's first answer, then hangs
 * up. The whole exchange, not each read, is bounded by the time given, so a server dripping one byte at
 * a time cannot stretch it.
 */
public final class RawHandshake {

    private RawHandshake() {
    }

    /**
     * @param hello what to send
     * @param address where to connect
     * @param port the port
     * @param context the probe's context, to register the socket for cancellation
     * @param timeoutMillis the most the connect and exchange together may take
     * @return the server's answer; a reset connection is a {@link HelloReply.Kind#CLOSED} answer
     * @throws SocketTimeoutException if there was no complete answer in time
     * @throws IOException if the connection could not be made
     */
    public static HelloReply exchange(ClientHello hello, InetAddress address, int port, ProbeContext context,
            int timeoutMillis) throws IOException {
        long until = System.nanoTime() + timeoutMillis * 1_000_000L;
        Socket socket = Network.of(context).connect(address, port, Duration.ofMillis(timeoutMillis));
        try (socket) {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(hello.encode());
                out.flush();
                return ServerHelloReader.read(new Bounded(socket, until));
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (SocketException e) {
                return HelloReply.closed("reset the connection");
            }
        }
    }

    /**
     * Sends a ClientHello and reads the chain a TLS 1.2-or-older server sends in the clear, without
     * finishing the handshake: the certificate of a server the JVM will not shake hands with.
     *
     * @param hello what to send
     * @param address where to connect
     * @param port the port
     * @param context the probe's context, to register the socket for cancellation
     * @param timeoutMillis the most the connect and exchange together may take
     * @return the chain, or why there is none
     * @throws IOException if the connection could not be made or there was no answer in time
     */
    static ServerCertificateReader.Read certificates(ClientHello hello, InetAddress address, int port,
            ProbeContext context, int timeoutMillis) throws IOException {
        long until = System.nanoTime() + timeoutMillis * 1_000_000L;
        Socket socket = Network.of(context).connect(address, port, Duration.ofMillis(timeoutMillis));
        try (socket) {
            OutputStream out = socket.getOutputStream();
            out.write(hello.encode());
            out.flush();
            return ServerCertificateReader.read(new Bounded(socket, until));
        } catch (SocketException e) {
            return ServerCertificateReader.Read.failed(0, "reset the connection");
        }
    }

    /** Sets the socket's read timeout to what is left before each read. */
    private static final class Bounded extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private final long until;

        Bounded(Socket socket, long until) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.until = until;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            long left = (until - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                throw new SocketTimeoutException("no complete answer in time");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            return in.read(b, off, len);
        }
    }
}
