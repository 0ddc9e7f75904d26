package dev.preflight.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ClientHello read back field by field, as RFC 5246 §7.4.1.2 lays it out. */
class ClientHelloTest {
    private static final List<CipherSuite> SUITES = List.of(new CipherSuite(0x000A, "TLS_RSA_WITH_3DES_EDE_CBC_SHA"),
            new CipherSuite(0x0005, "TLS_RSA_WITH_RC4_128_SHA"));

    @Test
    void tls12HelloHasConsistentLengthsAndEveryExtension() {
        Parsed hello = parse(ClientHello.of(TlsVersion.TLS_1_2, SUITES, "shop.test").encode());

        assertThat(hello.recordVersion).isEqualTo(0x0301);
        assertThat(hello.clientVersion).isEqualTo(0x0303);
        assertThat(hello.suites).containsExactly(0x000A, 0x0005, CipherSuites.RENEGOTIATION_SCSV);
        assertThat(hello.extensions).containsOnlyKeys(0, 10, 11, 13);
        assertThat(new String(hello.extensions.get(0), 5, 9, StandardCharsets.US_ASCII)).isEqualTo("shop.test");
        assertThat(hello.extensions.get(11)).containsExactly(1, 0);
    }

    @Test
    void olderHellosLeaveOutSignatureAlgorithms() {
        Parsed tls10 = parse(ClientHello.of(TlsVersion.TLS_1_0, SUITES, "shop.test").encode());
        Parsed ssl3 = parse(ClientHello.of(TlsVersion.SSL_3_0, SUITES, "shop.test").encode());

        assertThat(tls10.clientVersion).isEqualTo(0x0301);
        assertThat(tls10.extensions).containsOnlyKeys(0, 10, 11);
        assertThat(ssl3.recordVersion).isEqualTo(0x0300);
        assertThat(ssl3.clientVersion).isEqualTo(0x0300);
    }

    @Test
    void ipLiteralsAndInvalidNamesSendNoServerName() {
        assertThat(parse(ClientHello.of(TlsVersion.TLS_1_2, SUITES, "127.0.0.1").encode()).extensions).doesNotContainKey(0);
        assertThat(parse(ClientHello.of(TlsVersion.TLS_1_2, SUITES, "::1").encode()).extensions).doesNotContainKey(0);
        assertThat(parse(ClientHello.of(TlsVersion.TLS_1_2, SUITES, "bad_name!").encode()).extensions)
                .doesNotContainKey(0);
    }

    @Test
    void eachEncodingDrawsAFreshRandom() {
        ClientHello hello = ClientHello.of(TlsVersion.TLS_1_2, SUITES, "shop.test");

        assertThat(parse(hello.encode()).random).isNotEqualTo(parse(hello.encode()).random);
    }

    @Test
    void offersOnlyWhatItLists() {
        ClientHello hello = ClientHello.of(TlsVersion.TLS_1_2, SUITES, "shop.test");

        assertThat(hello.offers(0x000A)).isTrue();
        assertThat(hello.offers(CipherSuites.RENEGOTIATION_SCSV)).isFalse();
        assertThat(hello.offers(0x1301)).isFalse();
    }

    @Test
    void tls13AndEmptySuiteListsAreRejected() {
        assertThatThrownBy(() -> ClientHello.of(TlsVersion.TLS_1_3, SUITES, "shop.test"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientHello.of(TlsVersion.TLS_1_2, List.of(), "shop.test"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void catalogueCategoriesFollowTheNames() {
        assertThat(SuiteWeakness.of("TLS_DH_anon_EXPORT_WITH_RC4_40_MD5"))
                .containsExactlyInAnyOrder(SuiteWeakness.EXPORT, SuiteWeakness.RC4, SuiteWeakness.ANONYMOUS);
        assertThat(SuiteWeakness.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")).isEmpty();
        assertThat(CipherSuites.weak()).allSatisfy(s -> assertThat(s.weaknesses()).isNotEmpty());
        assertThat(CipherSuites.forOldProtocols()).filteredOn(s -> s.weaknesses().isEmpty()).hasSize(21);
        assertThat(CipherSuites.name(0x000A)).isEqualTo("TLS_RSA_WITH_3DES_EDE_CBC_SHA");
        assertThat(CipherSuites.name(0x1301)).isEqualTo("0x1301");
    }

    /** Reads the hello strictly: any length that does not add up throws. */
    private static Parsed parse(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        Parsed p = new Parsed();
        assertThat(in.get()).isEqualTo((byte) 22);
        p.recordVersion = u16(in);
        assertThat(u16(in)).isEqualTo(bytes.length - 5);
        assertThat(in.get()).isEqualTo((byte) 1);
        assertThat(((in.get() & 0xFF) << 16) | u16(in)).isEqualTo(bytes.length - 9);
        p.clientVersion = u16(in);
        p.random = new byte[32];
        in.get(p.random);
        assertThat(in.get()).isZero();
        int suitesLength = u16(in);
        for (int i = 0; i < suitesLength / 2; i++) {
            p.suites.add(u16(in));
        }
        assertThat(in.get()).isEqualTo((byte) 1);
        assertThat(in.get()).isZero();
        int extensionsLength = u16(in);
        assertThat(extensionsLength).isEqualTo(in.remaining());
        while (in.hasRemaining()) {
            int type = u16(in);
            byte[] data = new byte[u16(in)];
            in.get(data);
            p.extensions.put(type, data);
        }
        return p;
    }

    private static int u16(ByteBuffer in) {
        return ((in.get() & 0xFF) << 8) | (in.get() & 0xFF);
    }

    private static final class Parsed {
        int recordVersion;
        int clientVersion;
        byte[] random;
        final List<Integer> suites = new ArrayList<>();
        final Map<Integer, byte[]> extensions = new LinkedHashMap<>();
    }
}
