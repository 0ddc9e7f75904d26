package dev.preflight.http.internal;

import dev.preflight.support.IpAddresses;
import dev.preflight.support.RandomTokens;
import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A TLS ClientHello built byte by byte (RFC 5246 §7.4.1.2, the record of §6.2.1), for the versions and
 * suites the JDK will not offer. It asks only for a ServerHello: the handshake is never completed, so
 * it needs no key material. Immutable; {@link #encode()} draws a fresh client random each time.
 */
public final class ClientHello {
    private static final int HANDSHAKE = 22;
    private static final int CLIENT_HELLO = 1;
    private static final int EXT_SERVER_NAME = 0;
    private static final int EXT_SUPPORTED_GROUPS = 10;
    private static final int EXT_EC_POINT_FORMATS = 11;
    private static final int EXT_SIGNATURE_ALGORITHMS = 13;
    /** x25519, secp256r1, secp384r1, secp521r1, ffdhe2048, ffdhe3072 (RFC 8422, RFC 7919). */
    private static final int[] GROUPS = {0x001D, 0x0017, 0x0018, 0x0019, 0x0100, 0x0101};
    /** RSA-PSS, ECDSA and RSA PKCS#1 with SHA-2, then the SHA-1 pairs old servers may need (RFC 8446 §4.2.3). */
    private static final int[] SIGNATURE_ALGORITHMS = {0x0804, 0x0805, 0x0806, 0x0403, 0x0503, 0x0603, 0x0401,
            0x0501, 0x0601, 0x0201, 0x0203};

    private final TlsVersion version;
    private final List<CipherSuite> suites;
    private final String serverName;

    private ClientHello(TlsVersion version, List<CipherSuite> suites, String serverName) {
        this.version = version;
        this.suites = List.copyOf(suites);
        this.serverName = serverName;
    }

    /**
     * @param version the highest version to offer, SSLv3 to TLS 1.2 (TLS 1.3 needs key shares)
     * @param suites the suites to offer, in order of preference; TLS_EMPTY_RENEGOTIATION_INFO_SCSV is added
     * @param host the host name to send as SNI; an IP literal or a name that is not a valid DNS name sends none
     * @return the hello
     */
    public static ClientHello of(TlsVersion version, List<CipherSuite> suites, String host) {
        Objects.requireNonNull(version, "'version' must not be null");
        if (version == TlsVersion.TLS_1_3) {
            throw new IllegalArgumentException("a TLS 1.3 hello needs key shares; use the JDK for it");
        }
        if (suites.isEmpty()) {
            throw new IllegalArgumentException("'suites' must not be empty");
        }
        return new ClientHello(version, suites, sniName(host));
    }

    private static String sniName(String host) {
        if (host == null || IpAddresses.isLiteral(host)) {
            return null;
        }
        try {
            String ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
            return ascii.isEmpty() || ascii.length() > 255 ? null : ascii;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** @return the version offered */
    public TlsVersion version() {
        return version;
    }

    /** @return the suites offered, without the signalling value */
    public List<CipherSuite> suites() {
        return suites;
    }

    /**
     * @param code a code point a server chose
     * @return whether this hello offered it
     */
    public boolean offers(int code) {
        return suites.stream().anyMatch(s -> s.code() == code);
    }

    /** @return the record to send: one TLS record holding the ClientHello */
    public byte[] encode() {
        Bytes body = new Bytes();
        body.u16(version.code());
        body.raw(RandomTokens.bytes(32));
        body.u8(0); // no session id: nothing to resume
        body.u16(2 * (suites.size() + 1));
        suites.forEach(s -> body.u16(s.code()));
        body.u16(CipherSuites.RENEGOTIATION_SCSV);
        body.u8(1).u8(0); // compression: null only (CRIME)
        byte[] extensions = extensions();
        body.u16(extensions.length).raw(extensions);

        Bytes handshake = new Bytes().u8(CLIENT_HELLO).u24(body.size()).raw(body.toByteArray());
        // The record version of SSLv3 hellos is SSLv3; every later client writes TLS 1.0 there (RFC 8446 §5.1).
        int recordVersion = version == TlsVersion.SSL_3_0 ? 0x0300 : 0x0301;
        return new Bytes().u8(HANDSHAKE).u16(recordVersion).u16(handshake.size()).raw(handshake.toByteArray())
                .toByteArray();
    }

    private byte[] extensions() {
        Bytes all = new Bytes();
        if (serverName != null) {
            byte[] name = serverName.getBytes(StandardCharsets.US_ASCII);
            Bytes list = new Bytes().u8(0).u16(name.length).raw(name);
            extension(all, EXT_SERVER_NAME, new Bytes().u16(list.size()).raw(list.toByteArray()));
        }
        Bytes groups = new Bytes().u16(2 * GROUPS.length);
        for (int g : GROUPS) {
            groups.u16(g);
        }
        extension(all, EXT_SUPPORTED_GROUPS, groups);
        extension(all, EXT_EC_POINT_FORMATS, new Bytes().u8(1).u8(0));
        // RFC 5246 §7.4.1.4.1: meaningless before TLS 1.2, and clients offering only older versions must not send it.
        if (version.code() >= TlsVersion.TLS_1_2.code()) {
            Bytes algorithms = new Bytes().u16(2 * SIGNATURE_ALGORITHMS.length);
            for (int a : SIGNATURE_ALGORITHMS) {
                algorithms.u16(a);
            }
            extension(all, EXT_SIGNATURE_ALGORITHMS, algorithms);
        }
        return all.toByteArray();
    }

    private static void extension(Bytes all, int type, Bytes data) {
        all.u16(type).u16(data.size()).raw(data.toByteArray());
    }

    /** Big-endian writing, as every TLS length and code is. */
    private static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Bytes u8(int v) {
            out.write(v);
            return this;
        }

        Bytes u16(int v) {
            return u8(v >>> 8).u8(v & 0xFF);
        }

        Bytes u24(int v) {
            return u8(v >>> 16).u16(v & 0xFFFF);
        }

        Bytes raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        int size() {
            return out.size();
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
