package dev.preflight.http.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a server's first answer to a ClientHello, up to the ServerHello and no further (RFC 5246 §6.2.1
 * records, §7.4.1.3 ServerHello; RFC 8446 §4.2.1 supported_versions). Trusts nothing it reads: every
 * length is checked against what TLS allows and against the bytes actually there, and whatever does not
 * fit becomes a {@link HelloReply.Kind#MALFORMED} reply with the reason, never an exception.
 */
public final class ServerHelloReader {
    /** RFC 5246 §6.2.3: a record fragment is at most 2^14 + 2048 bytes. */
    static final int MAX_RECORD = 16384 + 2048;
    /** Real servers send the ServerHello in one record; a few more leave room for warnings and fragments. */
    static final int MAX_RECORDS = 8;
    /** A ServerHello is a few hundred bytes; 16 KiB leaves room for any extension a server could add. */
    static final int MAX_SERVER_HELLO = 16384;
    private static final int CHANGE_CIPHER_SPEC = 20;
    private static final int ALERT = 21;
    private static final int HANDSHAKE = 22;
    private static final int SERVER_HELLO = 2;
    private static final int EXT_SUPPORTED_VERSIONS = 43;

    private ServerHelloReader() {
    }

    /**
     * @param in the connection, positioned after the ClientHello was sent
     * @return the reply
     * @throws IOException if reading fails or times out: the caller tells a reset from a timeout
     */
    public static HelloReply read(InputStream in) throws IOException {
        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        for (int records = 0; records < MAX_RECORDS; records++) {
            byte[] header = new byte[5];
            int n = readUpTo(in, header);
            if (n == 0) {
                return handshake.size() == 0 && records == 0
                        ? HelloReply.closed("closed the connection without answering")
                        : HelloReply.malformed("closed the connection before the ServerHello was complete");
            }
            int type = header[0] & 0xFF;
            boolean tlsHeader = (type == ALERT || type == HANDSHAKE || type == CHANGE_CIPHER_SPEC || type == 23)
                    && (n < 2 || header[1] == 3);
            if (!tlsHeader) {
                return notTls(header, n);
            }
            if (n < 5) {
                return HelloReply.malformed("sent " + n + " bytes, less than a TLS record header");
            }
            if (type != ALERT && type != HANDSHAKE) {
                return HelloReply.malformed("sent a record of type " + type + " before any ServerHello");
            }
            int length = ((header[3] & 0xFF) << 8) | (header[4] & 0xFF);
            if (length == 0 || length > MAX_RECORD) {
                return HelloReply.malformed("sent a record of " + length + " bytes, outside the 1 to " + MAX_RECORD
                        + " TLS allows");
            }
            byte[] fragment = new byte[length];
            if (readUpTo(in, fragment) < length) {
                return HelloReply.malformed("closed the connection in the middle of a record");
            }
            if (type == ALERT) {
                if (length < 2) {
                    return HelloReply.malformed("sent an alert record of 1 byte");
                }
                int level = fragment[0] & 0xFF;
                int description = fragment[1] & 0xFF;
                if (description == 0) {
                    return HelloReply.closed("closed the connection (close_notify) without answering");
                }
                if (level == 1) {
                    continue; // a warning such as unrecognized_name: the ServerHello may still follow
                }
                return HelloReply.alert(description);
            }
            handshake.writeBytes(fragment);
            HelloReply hello = serverHello(handshake.toByteArray());
            if (hello != null) {
                return hello;
            }
        }
        return HelloReply.malformed("sent " + MAX_RECORDS + " records without completing a ServerHello");
    }

    /** @return the reply once the first handshake message is complete, null while more bytes are needed */
    static HelloReply serverHello(byte[] bytes) {
        if (bytes.length < 4) {
            return null;
        }
        int type = bytes[0] & 0xFF;
        if (type != SERVER_HELLO) {
            return HelloReply.malformed("answered with handshake message type " + type + " instead of a ServerHello");
        }
        int length = ((bytes[1] & 0xFF) << 16) | ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF);
        if (length > MAX_SERVER_HELLO) {
            return HelloReply.malformed("announced a ServerHello of " + length + " bytes");
        }
        if (bytes.length < 4 + length) {
            return null;
        }
        try {
            return parse(ByteBuffer.wrap(bytes, 4, length).slice());
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return HelloReply.malformed("sent a ServerHello cut short");
        }
    }

    private static HelloReply parse(ByteBuffer body) {
        int version = u16(body);
        body.position(body.position() + 32); // server random
        int sessionIdLength = body.get() & 0xFF;
        if (sessionIdLength > 32) {
            return HelloReply.malformed("sent a session id of " + sessionIdLength + " bytes, more than 32");
        }
        body.position(body.position() + sessionIdLength);
        int suite = u16(body);
        int compression = body.get() & 0xFF;
        if (compression != 0) {
            return HelloReply.malformed("chose compression method " + compression + ", which was not offered");
        }
        if (body.remaining() >= 2) {
            int extensionsLength = u16(body);
            if (extensionsLength > body.remaining()) {
                return HelloReply.malformed("sent ServerHello extensions longer than the message");
            }
            ByteBuffer extensions = body.slice().limit(extensionsLength);
            while (extensions.hasRemaining()) {
                int type = u16(extensions);
                int length = u16(extensions);
                ByteBuffer data = extensions.slice().limit(length);
                extensions.position(extensions.position() + length);
                if (type == EXT_SUPPORTED_VERSIONS && length == 2) {
                    version = u16(data);
                }
            }
        }
        return HelloReply.serverHello(version, suite);
    }

    private static HelloReply notTls(byte[] header, int n) {
        String start = new String(header, 0, n, StandardCharsets.US_ASCII);
        if (start.startsWith("HTTP/") || "HTTP/".startsWith(start)) {
            return HelloReply.malformed("answered in plain HTTP, not TLS");
        }
        if ((header[0] & 0x80) != 0 && n >= 3 && header[2] == 4) {
            return HelloReply.malformed("answered with an SSLv2 ServerHello");
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < n; i++) {
            hex.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%02X", header[i] & 0xFF));
        }
        return HelloReply.malformed("answered with bytes that are not TLS (" + hex + ")");
    }

    private static int u16(ByteBuffer buffer) {
        return ((buffer.get() & 0xFF) << 8) | (buffer.get() & 0xFF);
    }

    private static int readUpTo(InputStream in, byte[] into) throws IOException {
        int read = 0;
        while (read < into.length) {
            int n = in.read(into, read, into.length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return read;
    }
}
