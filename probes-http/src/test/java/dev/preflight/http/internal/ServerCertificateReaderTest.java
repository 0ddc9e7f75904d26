package dev.preflight.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Hostile and broken first flights: each is a reason, never an exception or a made-up chain. */
class ServerCertificateReaderTest {

    @Test
    void aCertificateListWhoseLengthsDisagreeIsAReason() throws IOException {
        byte[] certificate = message(11, new byte[] {0, 0, 9, 0, 0, 4, 1, 2, 3, 4});

        assertThat(read(record(22, concat(serverHello(0x0301), certificate))).problem())
                .isEqualTo("sent a Certificate message whose lengths disagree");
    }

    @Test
    void bytesThatAreNoCertificateAreAReason() throws IOException {
        byte[] certificate = message(11, new byte[] {0, 0, 7, 0, 0, 4, 1, 2, 3, 4});

        assertThat(read(record(22, concat(serverHello(0x0301), certificate))).problem())
                .isEqualTo("sent a certificate that does not parse");
    }

    @Test
    void aTls13AnswerHasNoClearTextChain() throws IOException {
        ServerCertificateReader.Read read = read(record(22, serverHello13()));

        assertThat(read.chain()).isEmpty();
        assertThat(read.problem()).contains("TLS 1.3");
    }

    @Test
    void anAnonymousSuiteEndsWithoutACertificate() throws IOException {
        assertThat(read(record(22, concat(serverHello(0x0303), message(14, new byte[0])))).problem())
                .isEqualTo("sent no certificate (an anonymous suite)");
    }

    @Test
    void aConnectionClosedMidwayIsAReason() throws IOException {
        byte[] cut = record(22, serverHello(0x0301));
        assertThat(read(cut).problem()).isEqualTo("closed the connection before sending its certificate");
        assertThat(read(new byte[] {22, 3, 1, 0, 50, 2, 0}).problem())
                .isEqualTo("closed the connection in the middle of a record");
    }

    @Test
    void anAlertIsAReason() throws IOException {
        assertThat(read(record(21, new byte[] {2, 40})).problem()).isEqualTo("answered with an alert 40");
    }

    private static ServerCertificateReader.Read read(byte[] bytes) throws IOException {
        return ServerCertificateReader.read(new ByteArrayInputStream(bytes));
    }

    private static byte[] serverHello(int version) {
        ByteBuffer body = ByteBuffer.allocate(2 + 32 + 1 + 2 + 1);
        body.putShort((short) version).put(new byte[32]).put((byte) 0).putShort((short) 0x002F).put((byte) 0);
        return message(2, body.array());
    }

    private static byte[] serverHello13() {
        ByteBuffer body = ByteBuffer.allocate(2 + 32 + 1 + 2 + 1 + 2 + 6);
        body.putShort((short) 0x0303).put(new byte[32]).put((byte) 0).putShort((short) 0x1301).put((byte) 0)
                .putShort((short) 6).putShort((short) 43).putShort((short) 2).putShort((short) 0x0304);
        return message(2, body.array());
    }

    private static byte[] message(int type, byte[] body) {
        ByteBuffer m = ByteBuffer.allocate(4 + body.length);
        m.put((byte) type).put((byte) (body.length >> 16)).put((byte) (body.length >> 8)).put((byte) body.length).put(body);
        return m.array();
    }

    private static byte[] record(int type, byte[] fragment) {
        ByteBuffer r = ByteBuffer.allocate(5 + fragment.length);
        r.put((byte) type).put((byte) 3).put((byte) 1).putShort((short) fragment.length).put(fragment);
        return r.array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
