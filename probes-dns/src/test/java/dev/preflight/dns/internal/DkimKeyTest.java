package dev.preflight.dns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Status;
import java.math.BigInteger;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link DkimKey} never throws: every malformed record becomes a problem. */
class DkimKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"", ";", "=", "p", "v=DKIM1", "v=DKIM1; p", "v=DKIM2; p=AAAA", "k=rsa; v=DKIM1; p=AAAA",
            "v=DKIM1; p=", "v=DKIM1; p= ", "v=DKIM1; p=====", "v=DKIM1; p=A", "v=DKIM1; p=AAAA", "v=DKIM1; p=MIIB",
            "v=DKIM1; p=MA==", "v=DKIM1; p=MIA=", "v=DKIM1; p=MIQAAAAA", "v=DKIM1; p=MIH/////", "v=DKIM1; k=dsa; p=AAAA",
            "v=DKIM1; k=ed25519; p=AAAA", "v=DKIM1; k=ed25519; p=", "v=DKIM1; p=AAAA; p=AAAA", "P=AAAA",
            "v=DKIM1; s=web; p=AAAA", "v=DKIM1; h=md5; p=AAAA", "v=DKIM1; p=\u00e9\u00e9", "v=DKIM1; 9=x; p=AAAA",
            "v=dkim1; p=AAAA"})
    void everyMalformedRecordBecomesAProblem(String text) {
        DkimKey key = DkimKey.parse(text);
        assertThat(key.problems()).as(text).isNotEmpty();
        assertThat(Problem.worst(key.problems())).as(text).isEqualTo(Status.FAIL);
    }

    @Test
    void nullIsAProblemNotAnException() {
        assertThat(DkimKey.parse(null).problems()).isNotEmpty();
    }

    @Test
    void aKeyBelow512BitsIsMeasuredFromItsDer() {
        // KeyFactory refuses it; the record still fails with the size.
        BigInteger n = BigInteger.ONE.shiftLeft(383).add(BigInteger.valueOf(12345));
        byte[] pkcs1 = DkimKey.Der.tlv(0x30, concat(DkimKey.Der.tlv(0x02, n.toByteArray()),
                DkimKey.Der.tlv(0x02, BigInteger.valueOf(65537).toByteArray())));
        DkimKey key = DkimKey.parse("v=DKIM1; p=" + Base64.getEncoder().encodeToString(pkcs1));
        assertThat(key.keyBits()).hasValue(384);
        assertThat(key.problems()).anyMatch(p -> p.status() == Status.FAIL && p.text().contains("384 bits"));
    }

    @Test
    void aBareRsaPublicKeyIsReadAndWarned() throws Exception {
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        java.security.interfaces.RSAPublicKey rsa = (java.security.interfaces.RSAPublicKey) g.generateKeyPair().getPublic();
        byte[] pkcs1 = DkimKey.Der.tlv(0x30, concat(DkimKey.Der.tlv(0x02, rsa.getModulus().toByteArray()),
                DkimKey.Der.tlv(0x02, rsa.getPublicExponent().toByteArray())));
        DkimKey key = DkimKey.parse("v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(pkcs1));
        assertThat(key.keyBits()).hasValue(2048);
        assertThat(Problem.worst(key.problems())).isEqualTo(Status.WARN);
    }

    @Test
    void tagNamesAreCaseSensitive() {
        assertThat(DkimKey.parse("v=DKIM1; P=AAAA").problems()).anyMatch(p -> p.text().startsWith("no p= tag"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
