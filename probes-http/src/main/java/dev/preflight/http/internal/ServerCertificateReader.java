package dev.preflight.http.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the certificate chain a server sends in the clear after its ServerHello, in TLS 1.2 and older
 * (RFC 5246 §7.4.2: a Certificate message of 3-byte-length entries, leaf first). It lets Preflight
 * judge the certificate of a server that speaks only a version the JVM refuses to finish a handshake
 * in. TLS 1.3 encrypts the Certificate message, so a 1.3 answer yields no chain here. Every length is
 * checked against the limits and the bytes actually there; whatever does not fit is a reason, never
 * an exception.
 */
final class ServerCertificateReader {
    /** A chain is a few KiB; the whole first flight of handshake messages stays far below this. */
    static final int MAX_HANDSHAKE_BYTES = 128 * 1024;
    private static final int MAX_RECORDS = 64;
    private static final int ALERT = 21;
    private static final int HANDSHAKE = 22;
    private static final int SERVER_HELLO = 2;
    private static final int CERTIFICATE = 11;
    private static final int SERVER_HELLO_DONE = 14;

    private ServerCertificateReader() {
    }

    /**
     * What the server sent.
     *
     * @param version the version it chose, as a TLS code, or 0 if no ServerHello came
     * @param chain the certificates, leaf first, empty when none could be read
     * @param problem why there is no chain, or null
     */
    record Read(int version, List<X509Certificate> chain, String problem) {
        Read {
            chain = List.copyOf(chain);
        }

        static Read failed(int version, String problem) {
            return new Read(version, List.of(), problem);
        }
    }

    /**
     * @param in the connection, positioned after a ClientHello was sent
     * @return the chain, or why there is none
     * @throws IOException if reading fails or times out
     */
    static Read read(InputStream in) throws IOException {
        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        int parsed = 0;
        int version = 0;
        for (int records = 0; records < MAX_RECORDS; records++) {
            byte[] header = in.readNBytes(5);
            if (header.length < 5) {
                return Read.failed(version, "closed the connection before sending its certificate");
            }
            int type = header[0] & 0xFF;
            int length = ((header[3] & 0xFF) << 8) | (header[4] & 0xFF);
            if (type != ALERT && type != HANDSHAKE || length == 0 || length > ServerHelloReader.MAX_RECORD) {
                return Read.failed(version, "sent a record that is not a TLS handshake record");
            }
            byte[] fragment = in.readNBytes(length);
            if (fragment.length < length) {
                return Read.failed(version, "closed the connection in the middle of a record");
            }
            if (type == ALERT) {
                return Read.failed(version, "answered with an alert" + (length >= 2 ? " " + (fragment[1] & 0xFF) : ""));
            }
            if (handshake.size() + length > MAX_HANDSHAKE_BYTES) {
                return Read.failed(version, "sent more than " + MAX_HANDSHAKE_BYTES + " bytes of handshake");
            }
            handshake.writeBytes(fragment);
            byte[] bytes = handshake.toByteArray();
            while (bytes.length - parsed >= 4) {
                int message = bytes[parsed] & 0xFF;
                int size = ((bytes[parsed + 1] & 0xFF) << 16) | ((bytes[parsed + 2] & 0xFF) << 8) | (bytes[parsed + 3] & 0xFF);
                if (bytes.length - parsed - 4 < size) {
                    break;
                }
                byte[] body = Arrays.copyOfRange(bytes, parsed + 4, parsed + 4 + size);
                if (message == SERVER_HELLO) {
                    HelloReply hello = ServerHelloReader.serverHello(Arrays.copyOfRange(bytes, parsed, parsed + 4 + size));
                    if (hello == null || hello.kind() != HelloReply.Kind.SERVER_HELLO) {
                        return Read.failed(0, hello == null ? "sent a ServerHello cut short" : hello.reason());
                    }
                    version = hello.version();
                    if (version >= 0x0304) {
                        return Read.failed(version, "chose TLS 1.3, which encrypts its certificate");
                    }
                } else if (message == CERTIFICATE) {
                    return certificates(version, body);
                } else if (message == SERVER_HELLO_DONE) {
                    return Read.failed(version, "sent no certificate (an anonymous suite)");
                }
                parsed += 4 + size;
            }
        }
        return Read.failed(version, "sent " + MAX_RECORDS + " records without a Certificate message");
    }

    private static Read certificates(int version, byte[] body) {
        if (body.length < 3) {
            return Read.failed(version, "sent a Certificate message cut short");
        }
        int total = ((body[0] & 0xFF) << 16) | ((body[1] & 0xFF) << 8) | (body[2] & 0xFF);
        if (total != body.length - 3) {
            return Read.failed(version, "sent a Certificate message whose lengths disagree");
        }
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            int at = 3;
            while (at < body.length) {
                if (body.length - at < 3) {
                    return Read.failed(version, "sent a Certificate entry cut short");
                }
                int size = ((body[at] & 0xFF) << 16) | ((body[at + 1] & 0xFF) << 8) | (body[at + 2] & 0xFF);
                at += 3;
                if (size == 0 || size > body.length - at) {
                    return Read.failed(version, "sent a Certificate entry whose length does not fit");
                }
                InputStream der = new ByteArrayInputStream(body, at, size);
                chain.add((X509Certificate) factory.generateCertificate(der));
                at += size;
            }
        } catch (CertificateException | ClassCastException e) {
            return Read.failed(version, "sent a certificate that does not parse");
        }
        return chain.isEmpty() ? Read.failed(version, "sent an empty certificate list") : new Read(version, chain, null);
    }
}
