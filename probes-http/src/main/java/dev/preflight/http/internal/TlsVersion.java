package dev.preflight.http.internal;

import java.util.Locale;
import java.util.Optional;

/** The SSL/TLS protocol versions the probes name, with their wire codes (RFC 8446 §4.1.2) and JSSE names. */
public enum TlsVersion {
    /** SSL 3.0 (RFC 6101), prohibited by RFC 7568. */
    SSL_3_0(0x0300, "SSLv3", "SSLv3"),
    /** TLS 1.0 (RFC 2246), deprecated by RFC 8996. */
    TLS_1_0(0x0301, "TLSv1.0", "TLSv1"),
    /** TLS 1.1 (RFC 4346), deprecated by RFC 8996. */
    TLS_1_1(0x0302, "TLSv1.1", "TLSv1.1"),
    /** TLS 1.2 (RFC 5246). */
    TLS_1_2(0x0303, "TLSv1.2", "TLSv1.2"),
    /** TLS 1.3 (RFC 8446). */
    TLS_1_3(0x0304, "TLSv1.3", "TLSv1.3");

    private final int code;
    private final String label;
    private final String jsseName;

    TlsVersion(int code, String label, String jsseName) {
        this.code = code;
        this.label = label;
        this.jsseName = jsseName;
    }

    /** @return the two-byte code sent on the wire, e.g. {@code 0x0303} */
    public int code() {
        return code;
    }

    /** @return the name reports use, e.g. {@code TLSv1.0} */
    public String label() {
        return label;
    }

    /** @return the name JSSE uses, e.g. {@code TLSv1} */
    public String jsseName() {
        return jsseName;
    }

    /** @return whether RFC 7568 or RFC 8996 forbid it */
    public boolean deprecated() {
        return code < TLS_1_2.code;
    }

    /**
     * @param code a two-byte version code
     * @return the version, if it is one of these
     */
    public static Optional<TlsVersion> of(int code) {
        for (TlsVersion v : values()) {
            if (v.code == code) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /**
     * @param jsseName a name as JSSE reports it, e.g. {@code TLSv1}
     * @return the version, if it is one of these
     */
    public static Optional<TlsVersion> ofJsseName(String jsseName) {
        for (TlsVersion v : values()) {
            if (v.jsseName.equals(jsseName)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /**
     * @param code a two-byte version code
     * @return its label, or its hex code when unknown
     */
    public static String describe(int code) {
        return of(code).map(TlsVersion::label).orElse(String.format(Locale.ROOT, "0x%04X", code));
    }
}
