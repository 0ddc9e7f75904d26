package dev.preflight.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.preflight.http.internal.HelloReply.Kind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reader against answers built byte by byte: well-formed, fragmented, refused, and hostile. */
class ServerHelloReaderTest {

    @Test
    void serverHelloGivesVersionAndSuite() throws IOException {
        assertThat(read(record(22, 0x0301, serverHello(0x0301, 0x000A, new byte[0]))))
                .isEqualTo(HelloReply.serverHello(0x0301, 0x000A));
    }

    @Test
    void serverHelloSplitOverTwoRecordsIsReassembled() throws IOException {
        byte[] hello = serverHello(0x0303, 0xC012, new byte[0]);
        byte[] split = concat(record(22, 0x0303, Arrays.copyOfRange(hello, 0, 10)),
                record(22, 0x0303, Arrays.copyOfRange(hello, 10, hello.length)));

        assertThat(read(split)).isEqualTo(HelloReply.serverHello(0x0303, 0xC012));
    }

    @Test
    void supportedVersionsExtensionOverridesTheLegacyVersion() throws IOException {
        byte[] extensions = {0x00, 0x2B, 0x00, 0x02, 0x03, 0x04};

        assertThat(read(record(22, 0x0303, serverHello(0x0303, 0x1301, extensions))).version()).isEqualTo(0x0304);
    }

    @Test
    void warningAlertBeforeTheServerHelloIsSkipped() throws IOException {
        byte[] warning = record(21, 0x0303, new byte[] {1, 112});

        assertThat(read(concat(warning, record(22, 0x0303, serverHello(0x0303, 0x0005, new byte[0])))))
                .isEqualTo(HelloReply.serverHello(0x0303, 0x0005));
    }

    @Test
    void fatalAlertIsARefusalNamingTheAlert() throws IOException {
        HelloReply reply = read(record(21, 0x0303, new byte[] {2, 70}));

        assertThat(reply.kind()).isEqualTo(Kind.ALERT);
        assertThat(reply.reason()).isEqualTo("alert 70 protocol_version");
    }

    @Test
    void silenceThenEndOfStreamIsClosed() throws IOException {
        assertThat(read(new byte[0])).isEqualTo(HelloReply.closed("closed the connection without answering"));
        assertThat(read(record(21, 0x0303, new byte[] {1, 0})).kind()).isEqualTo(Kind.CLOSED);
    }

    @Test
    void plainHttpIsRecognised() throws IOException {
        assertThat(read("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII)).reason())
                .isEqualTo("answered in plain HTTP, not TLS");
    }

    @Test
    void sslv2ServerHelloIsRecognised() throws IOException {
        assertThat(read(new byte[] {(byte) 0x80, 0x2E, 0x04, 0x00, 0x01, 0x00, 0x02}).reason())
                .isEqualTo("answered with an SSLv2 ServerHello");
    }

    @Test
    void otherBytesAreShownInHex() throws IOException {
        assertThat(read(new byte[] {0x00, 0x01, (byte) 0xFE}).reason())
                .isEqualTo("answered with bytes that are not TLS (00 01 FE)");
    }

    @Test
    void malformedAnswersAreMalformedWithTheirReason() throws IOException {
        assertThat(read(new byte[] {22, 3, 3, (byte) 0x48, 0x01}).reason())
                .isEqualTo("sent a record of 18433 bytes, outside the 1 to 18432 TLS allows");
        assertThat(read(new byte[] {22, 3, 3, 0, 0}).reason())
                .isEqualTo("sent a record of 0 bytes, outside the 1 to 18432 TLS allows");
        assertThat(read(new byte[] {22, 3, 3, 0, 50, 2, 0}).reason())
                .isEqualTo("closed the connection in the middle of a record");
        assertThat(read(new byte[] {22, 3}).reason()).isEqualTo("sent 2 bytes, less than a TLS record header");
        assertThat(read(record(23, 0x0303, new byte[] {1})).reason())
                .isEqualTo("sent a record of type 23 before any ServerHello");
        assertThat(read(record(21, 0x0303, new byte[] {2})).reason()).isEqualTo("sent an alert record of 1 byte");
        assertThat(read(record(22, 0x0303, new byte[] {11, 0, 0, 0})).reason())
                .isEqualTo("answered with handshake message type 11 instead of a ServerHello");
        assertThat(read(record(22, 0x0303, new byte[] {2, 0x7F, 0, 0})).reason())
                .isEqualTo("announced a ServerHello of 8323072 bytes");
        assertThat(read(record(22, 0x0303, new byte[] {2, 0, 0, 3, 3, 3, 0})).reason())
                .isEqualTo("sent a ServerHello cut short");
        assertThat(read(record(22, 0x0303, new byte[] {2, 0, 0, 1})).reason())
                .isEqualTo("closed the connection before the ServerHello was complete");
    }

    @Test
    void impossibleFieldsInsideTheServerHelloAreMalformed() throws IOException {
        byte[] longSessionId = serverHello(0x0303, 0x002F, new byte[0]);
        longSessionId[4 + 2 + 32] = 33;
        assertThat(read(record(22, 0x0303, longSessionId)).reason())
                .isEqualTo("sent a session id of 33 bytes, more than 32");

        byte[] compressed = serverHello(0x0303, 0x002F, new byte[0]);
        compressed[4 + 2 + 32 + 1 + 2] = 1;
        assertThat(read(record(22, 0x0303, compressed)).reason())
                .isEqualTo("chose compression method 1, which was not offered");

        byte[] lyingExtensions = serverHello(0x0303, 0x002F, new byte[] {0x00, 0x2B, 0x00, 0x09, 0x03});
        assertThat(read(record(22, 0x0303, lyingExtensions)).reason()).isEqualTo("sent a ServerHello cut short");
    }

    @Test
    void endlessTinyRecordsStopAfterTheLimit() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(record(22, 0x0303, new byte[] {2, 0, 0, 100}));
        for (int i = 0; i < 20; i++) {
            out.writeBytes(record(22, 0x0303, new byte[] {0}));
        }

        assertThat(read(out.toByteArray()).reason()).isEqualTo("sent 8 records without completing a ServerHello");
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(4);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(120)];
            random.nextBytes(bytes);
            if (bytes.length > 5 && random.nextBoolean()) {
                // mostly plausible headers, so the parser gets past the first check
                bytes[0] = 22;
                bytes[1] = 3;
                bytes[3] = 0;
                bytes[4] = (byte) (bytes.length - 5);
                bytes[5] = 2;
            }
            assertThatCode(() -> read(bytes)).doesNotThrowAnyException();
        }
    }

    private static HelloReply read(byte[] bytes) throws IOException {
        return ServerHelloReader.read(new ByteArrayInputStream(bytes));
    }

    /** A ServerHello handshake message: header, version, random, empty session id, suite, null compression. */
    static byte[] serverHello(int version, int suite, byte[] extensions) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(version >>> 8);
        body.write(version);
        body.writeBytes(new byte[32]);
        body.write(0);
        body.write(suite >>> 8);
        body.write(suite);
        body.write(0);
        if (extensions.length > 0) {
            body.write(extensions.length >>> 8);
            body.write(extensions.length);
            body.writeBytes(extensions);
        }
        byte[] b = body.toByteArray();
        return concat(new byte[] {2, 0, (byte) (b.length >>> 8), (byte) b.length}, b);
    }

    static byte[] record(int type, int version, byte[] fragment) {
        return concat(new byte[] {(byte) type, (byte) (version >>> 8), (byte) version, (byte) (fragment.length >>> 8),
                (byte) fragment.length}, fragment);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
