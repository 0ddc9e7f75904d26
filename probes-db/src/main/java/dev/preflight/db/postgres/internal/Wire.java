package dev.preflight.db.postgres.internal;

import dev.preflight.net.Network;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The first messages of PostgreSQL's wire protocol, spoken without a driver so that nothing secret
 * is sent: the SSLRequest, and a StartupMessage whose first answer tells how the server means to
 * authenticate the role (PostgreSQL 15 documentation, "Frontend/Backend Protocol", 55.2 and 55.7).
 * Every read is bounded by the check's deadline.
 */
public final class Wire {
    /** The SSLRequest code, 1234 in the high 16 bits and 5679 in the low. */
    private static final int SSL_REQUEST = 80877103;
    /** Protocol 3.0. */
    private static final int PROTOCOL_3 = 196608;
    /** Longer than any authentication request or error the server sends before a login. */
    private static final int MAX_MESSAGE = 64 * 1024;

    private Wire() {
    }

    /**
     * Asks the server to start TLS.
     *
     * @param network the check's network, for the read timeout
     * @param socket a fresh connection
     * @return whether the server agreed ({@code S}); it refused with {@code N}
     * @throws MalformedAnswerException if it answered anything else
     * @throws IOException if the connection fails or the deadline comes first
     */
    public static boolean requestTls(Network network, Socket socket) throws IOException {
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeInt(8);
        out.writeInt(SSL_REQUEST);
        out.flush();
        network.armTimeout(socket);
        int answer = socket.getInputStream().read();
        if (answer == 'S') {
            return true;
        }
        if (answer == 'N') {
            return false;
        }
        throw new MalformedAnswerException(answer < 0 ? "it closed the connection after an SSLRequest"
                : "it answered an SSLRequest with byte " + answer + ", neither S nor N");
    }

    /**
     * Sends a StartupMessage and reads the first answer, without going further: no password is sent.
     *
     * @param network the check's network, for the read timeout
     * @param socket a connection, plain or after TLS
     * @param user the role
     * @param database the database
     * @return how the server answered
     * @throws MalformedAnswerException if the answer is not a protocol message
     * @throws IOException if the connection fails or the deadline comes first
     */
    public static StartupAnswer startup(Network network, Socket socket, String user, String database)
            throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream fields = new DataOutputStream(body);
        fields.writeInt(PROTOCOL_3);
        for (String text : new String[] {"user", user, "database", database, "application_name", "preflight"}) {
            fields.write(text.getBytes(StandardCharsets.UTF_8));
            fields.write(0);
        }
        fields.write(0);
        DataOutputStream out = new DataOutputStream(socket.getOutputStream());
        out.writeInt(body.size() + 4);
        body.writeTo(out);
        out.flush();

        network.armTimeout(socket);
        InputStream in = socket.getInputStream();
        int type = in.read();
        if (type < 0) {
            throw new MalformedAnswerException("it closed the connection after the StartupMessage");
        }
        if (type != 'R' && type != 'E') {
            throw new MalformedAnswerException("its first answer to a StartupMessage is a message of type "
                    + (type >= 0x20 && type < 0x7f ? String.valueOf((char) type) : "byte " + type)
                    + ", not an authentication request or an error");
        }
        int length = ByteBuffer.wrap(readFully(network, socket, 4)).getInt();
        if (length < 4 || length > MAX_MESSAGE) {
            throw new MalformedAnswerException("its first message claims " + length + " bytes");
        }
        byte[] payload = readFully(network, socket, length - 4);
        if (type == 'E') {
            return StartupAnswer.error(ErrorFields.parse(payload));
        }
        if (payload.length < 4) {
            throw new MalformedAnswerException("an authentication request of " + payload.length + " bytes");
        }
        return StartupAnswer.authentication(ByteBuffer.wrap(payload).getInt());
    }

    /** Re-arms the read timeout before every read, so that a server dripping bytes cannot stretch the deadline. */
    private static byte[] readFully(Network network, Socket socket, int length) throws IOException {
        byte[] bytes = new byte[length];
        InputStream in = socket.getInputStream();
        int read = 0;
        while (read < length) {
            network.armTimeout(socket);
            int n = in.read(bytes, read, length - read);
            if (n < 0) {
                throw new MalformedAnswerException("it closed the connection in the middle of a message");
            }
            read += n;
        }
        return bytes;
    }
}
