package dev.preflight.http.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The suites the hand-built ClientHellos offer, with their IANA code points
 * (https://www.iana.org/assignments/tls-parameters, "TLS Cipher Suites"): every NULL, EXPORT, RC4,
 * DES, 3DES and anonymous suite a server could still be configured with, and the sound CBC suites
 * an SSLv3–TLS 1.1 server would choose, so that an old protocol is not reported refused merely
 * because no suite matched. PSK, SRP and Kerberos suites are left out: they need credentials no
 * scanner has.
 */
public final class CipherSuites {
    /** TLS_EMPTY_RENEGOTIATION_INFO_SCSV (RFC 5746): not a suite, it tells old servers we know RFC 5746. */
    public static final int RENEGOTIATION_SCSV = 0x00FF;

    private static final Map<Integer, CipherSuite> BY_CODE = new LinkedHashMap<>();
    private static final List<CipherSuite> WEAK = new ArrayList<>();
    private static final List<CipherSuite> SOUND_CBC = new ArrayList<>();

    static {
        // NULL: no encryption
        weak(0x0001, "TLS_RSA_WITH_NULL_MD5");
        weak(0x0002, "TLS_RSA_WITH_NULL_SHA");
        weak(0x003B, "TLS_RSA_WITH_NULL_SHA256");
        weak(0xC001, "TLS_ECDH_ECDSA_WITH_NULL_SHA");
        weak(0xC006, "TLS_ECDHE_ECDSA_WITH_NULL_SHA");
        weak(0xC00B, "TLS_ECDH_RSA_WITH_NULL_SHA");
        weak(0xC010, "TLS_ECDHE_RSA_WITH_NULL_SHA");
        weak(0xC015, "TLS_ECDH_anon_WITH_NULL_SHA");
        // EXPORT
        weak(0x0003, "TLS_RSA_EXPORT_WITH_RC4_40_MD5");
        weak(0x0006, "TLS_RSA_EXPORT_WITH_RC2_CBC_40_MD5");
        weak(0x0008, "TLS_RSA_EXPORT_WITH_DES40_CBC_SHA");
        weak(0x000B, "TLS_DH_DSS_EXPORT_WITH_DES40_CBC_SHA");
        weak(0x000E, "TLS_DH_RSA_EXPORT_WITH_DES40_CBC_SHA");
        weak(0x0011, "TLS_DHE_DSS_EXPORT_WITH_DES40_CBC_SHA");
        weak(0x0014, "TLS_DHE_RSA_EXPORT_WITH_DES40_CBC_SHA");
        weak(0x0017, "TLS_DH_anon_EXPORT_WITH_RC4_40_MD5");
        weak(0x0019, "TLS_DH_anon_EXPORT_WITH_DES40_CBC_SHA");
        // RC4
        weak(0x0004, "TLS_RSA_WITH_RC4_128_MD5");
        weak(0x0005, "TLS_RSA_WITH_RC4_128_SHA");
        weak(0x0018, "TLS_DH_anon_WITH_RC4_128_MD5");
        weak(0xC002, "TLS_ECDH_ECDSA_WITH_RC4_128_SHA");
        weak(0xC007, "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA");
        weak(0xC00C, "TLS_ECDH_RSA_WITH_RC4_128_SHA");
        weak(0xC011, "TLS_ECDHE_RSA_WITH_RC4_128_SHA");
        weak(0xC016, "TLS_ECDH_anon_WITH_RC4_128_SHA");
        // single DES
        weak(0x0009, "TLS_RSA_WITH_DES_CBC_SHA");
        weak(0x000C, "TLS_DH_DSS_WITH_DES_CBC_SHA");
        weak(0x000F, "TLS_DH_RSA_WITH_DES_CBC_SHA");
        weak(0x0012, "TLS_DHE_DSS_WITH_DES_CBC_SHA");
        weak(0x0015, "TLS_DHE_RSA_WITH_DES_CBC_SHA");
        weak(0x001A, "TLS_DH_anon_WITH_DES_CBC_SHA");
        // 3DES
        weak(0x000A, "TLS_RSA_WITH_3DES_EDE_CBC_SHA");
        weak(0x000D, "TLS_DH_DSS_WITH_3DES_EDE_CBC_SHA");
        weak(0x0010, "TLS_DH_RSA_WITH_3DES_EDE_CBC_SHA");
        weak(0x0013, "TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA");
        weak(0x0016, "TLS_DHE_RSA_WITH_3DES_EDE_CBC_SHA");
        weak(0x001B, "TLS_DH_anon_WITH_3DES_EDE_CBC_SHA");
        weak(0xC003, "TLS_ECDH_ECDSA_WITH_3DES_EDE_CBC_SHA");
        weak(0xC008, "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA");
        weak(0xC00D, "TLS_ECDH_RSA_WITH_3DES_EDE_CBC_SHA");
        weak(0xC012, "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA");
        weak(0xC017, "TLS_ECDH_anon_WITH_3DES_EDE_CBC_SHA");
        // anonymous, otherwise sound ciphers
        weak(0x0034, "TLS_DH_anon_WITH_AES_128_CBC_SHA");
        weak(0x003A, "TLS_DH_anon_WITH_AES_256_CBC_SHA");
        weak(0x0046, "TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA");
        weak(0x006C, "TLS_DH_anon_WITH_AES_128_CBC_SHA256");
        weak(0x006D, "TLS_DH_anon_WITH_AES_256_CBC_SHA256");
        weak(0x0089, "TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA");
        weak(0x009B, "TLS_DH_anon_WITH_SEED_CBC_SHA");
        weak(0x00A6, "TLS_DH_anon_WITH_AES_128_GCM_SHA256");
        weak(0x00A7, "TLS_DH_anon_WITH_AES_256_GCM_SHA384");
        weak(0x00BF, "TLS_DH_anon_WITH_CAMELLIA_128_CBC_SHA256");
        weak(0x00C5, "TLS_DH_anon_WITH_CAMELLIA_256_CBC_SHA256");
        weak(0xC018, "TLS_ECDH_anon_WITH_AES_128_CBC_SHA");
        weak(0xC019, "TLS_ECDH_anon_WITH_AES_256_CBC_SHA");
        // sound suites defined for SSLv3 to TLS 1.1
        sound(0xC009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA");
        sound(0xC00A, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA");
        sound(0xC013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
        sound(0xC014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA");
        sound(0x0033, "TLS_DHE_RSA_WITH_AES_128_CBC_SHA");
        sound(0x0039, "TLS_DHE_RSA_WITH_AES_256_CBC_SHA");
        sound(0x0032, "TLS_DHE_DSS_WITH_AES_128_CBC_SHA");
        sound(0x0038, "TLS_DHE_DSS_WITH_AES_256_CBC_SHA");
        sound(0x002F, "TLS_RSA_WITH_AES_128_CBC_SHA");
        sound(0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA");
        sound(0xC004, "TLS_ECDH_ECDSA_WITH_AES_128_CBC_SHA");
        sound(0xC005, "TLS_ECDH_ECDSA_WITH_AES_256_CBC_SHA");
        sound(0xC00E, "TLS_ECDH_RSA_WITH_AES_128_CBC_SHA");
        sound(0xC00F, "TLS_ECDH_RSA_WITH_AES_256_CBC_SHA");
        sound(0x0041, "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA");
        sound(0x0084, "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA");
        sound(0x0045, "TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA");
        sound(0x0088, "TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA");
        sound(0x0096, "TLS_RSA_WITH_SEED_CBC_SHA");
        sound(0x009A, "TLS_DHE_RSA_WITH_SEED_CBC_SHA");
        sound(0x0007, "TLS_RSA_WITH_IDEA_CBC_SHA");
    }

    private CipherSuites() {
    }

    private static void weak(int code, String name) {
        WEAK.add(add(code, name));
    }

    private static void sound(int code, String name) {
        SOUND_CBC.add(add(code, name));
    }

    private static CipherSuite add(int code, String name) {
        CipherSuite suite = new CipherSuite(code, name);
        if (BY_CODE.put(code, suite) != null) {
            throw new IllegalStateException("code point listed twice: " + CipherSuite.hex(code));
        }
        return suite;
    }

    /** @return every NULL, EXPORT, RC4, DES, 3DES and anonymous suite in the catalogue */
    public static List<CipherSuite> weak() {
        return List.copyOf(WEAK);
    }

    /** @return the sound CBC suites first, then the weak ones: what an SSLv3–TLS 1.1 server could choose */
    public static List<CipherSuite> forOldProtocols() {
        List<CipherSuite> all = new ArrayList<>(SOUND_CBC);
        all.addAll(WEAK);
        return List.copyOf(all);
    }

    /**
     * @param code a two-byte code point
     * @return its IANA name if the catalogue has it, else its hex code
     */
    public static String name(int code) {
        CipherSuite suite = BY_CODE.get(code);
        return suite == null ? CipherSuite.hex(code) : suite.name();
    }
}
