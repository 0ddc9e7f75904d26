package dev.preflight.bench.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Redis's own count of accepted connections, {@code total_connections_received} of
 * {@code INFO stats}, over a fresh plain connection of the harness: that reading is itself one
 * connection, which {@link #between} subtracts.
 */
final class RedisConnections {
    private static final Pattern RECEIVED = Pattern.compile("total_connections_received:(\\d+)");

    private final int port;
    private final String password;

    RedisConnections(int port, String password) {
        this.port = port;
        this.password = password;
    }

    /** @return connections the server accepted so far, this reading's own included */
    long received() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write((command("AUTH", password) + command("INFO", "stats")).getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder reply = new StringBuilder();
            byte[] buffer = new byte[8192];
            Matcher m;
            // The count sits in the middle of the bulk reply: read until its line has ended.
            while (!(m = RECEIVED.matcher(reply)).find() || reply.indexOf("\n", m.end()) < 0) {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new IOException("Redis closed the connection: " + reply);
                }
                reply.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            return Long.parseLong(m.group(1));
        }
    }

    /** @return connections accepted after {@code before} was read, the two readings excluded */
    static long between(long before, long after) {
        return after - before - 1;
    }

    private static String command(String... words) {
        StringBuilder resp = new StringBuilder("*").append(words.length).append("\r\n");
        for (String word : words) {
            resp.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word)
                    .append("\r\n");
        }
        return resp.toString();
    }
}
