package dev.preflight.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A plain TCP server on 127.0.0.1 that answers whatever a client sends with fixed bytes and hangs up:
 * garbage, a lone alert, an oversized record, nothing at all. It stands in for broken or hostile TLS
 * servers. Close it to stop it.
 */
final class RawReplyServer implements AutoCloseable {
    private final ServerSocket server;
    private final byte[] reply;
    private final boolean silent;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-reply-server");
        t.setDaemon(true);
        return t;
    });

    private RawReplyServer(byte[] reply, boolean silent) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.reply = reply;
        this.silent = silent;
        connections.execute(this::acceptLoop);
    }

    /** @param reply the bytes to answer with, then hang up; empty to hang up at once @return the server */
    static RawReplyServer answering(byte[] reply) {
        try {
            return new RawReplyServer(reply, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return a server that accepts connections, reads and never answers */
    static RawReplyServer silent() {
        try {
            return new RawReplyServer(new byte[0], true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.execute(() -> answer(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(Socket socket) {
        try (socket) {
            socket.setSoTimeout(10_000);
            if (silent) {
                while (socket.getInputStream().read() >= 0) {
                    // keep the connection open and say nothing
                }
                return;
            }
            socket.getInputStream().read(new byte[8192]); // the hello, or its first part
            socket.getOutputStream().write(reply);
            socket.getOutputStream().flush();
            // A FIN, then wait for the client's: closing with unread input would send a reset instead.
            socket.shutdownOutput();
            while (socket.getInputStream().read() >= 0) {
                // drain
            }
        } catch (IOException e) {
            // the client hung up first
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        connections.shutdownNow();
    }
}
