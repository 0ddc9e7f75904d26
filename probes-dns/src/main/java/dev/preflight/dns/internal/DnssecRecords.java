package dev.preflight.dns.internal;

import java.util.Arrays;
import java.util.Set;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.RRSIGRecord;

/** DNSSEC records as a person reads them, and the facts about them that verdicts need. */
public final class DnssecRecords {
    /**
     * RFC 8624 §3.1: RSAMD5, DSA, DSA-NSEC3-SHA1 and ECC-GOST "MUST NOT" be used for signing, RSASHA1
     * and RSASHA1-NSEC3-SHA1 are "NOT RECOMMENDED"; validators are dropping them.
     */
    private static final Set<Integer> DEPRECATED = Set.of(DNSSEC.Algorithm.RSAMD5, DNSSEC.Algorithm.DSA,
            DNSSEC.Algorithm.RSASHA1, DNSSEC.Algorithm.DSA_NSEC3_SHA1, DNSSEC.Algorithm.RSA_NSEC3_SHA1,
            DNSSEC.Algorithm.ECC_GOST);
    /** RFC 4034 2.1.1: the Secure Entry Point flag marks a key-signing key. */
    private static final int SEP = 0x0001;
    /** RFC 5011 7: a revoked key. */
    private static final int REVOKE = 0x0080;

    private DnssecRecords() {
    }

    /** @param algorithm an algorithm number @return e.g. {@code ECDSAP256SHA256 (13)} */
    public static String algorithm(int algorithm) {
        return DNSSEC.Algorithm.string(algorithm) + " (" + algorithm + ")";
    }

    /** @param algorithm an algorithm number @return whether RFC 8624 advises against signing with it */
    public static boolean deprecated(int algorithm) {
        return DEPRECATED.contains(algorithm);
    }

    /** @param key a DNSKEY @return e.g. {@code 12345 ECDSAP256SHA256 (13) KSK} */
    public static String describe(DNSKEYRecord key) {
        return key.getFootprint() + " " + algorithm(key.getAlgorithm())
                + ((key.getFlags() & SEP) != 0 ? " KSK" : " ZSK") + ((key.getFlags() & REVOKE) != 0 ? " revoked" : "");
    }

    /** @param ds a DS record @return e.g. {@code 12345 ECDSAP256SHA256 (13) SHA-256} */
    public static String describe(DSRecord ds) {
        String digest = switch (ds.getDigestID()) {
            case DSRecord.SHA1_DIGEST_ID -> "SHA-1";
            case DSRecord.SHA256_DIGEST_ID -> "SHA-256";
            case DSRecord.SHA384_DIGEST_ID -> "SHA-384";
            default -> "digest type " + ds.getDigestID();
        };
        return ds.getFootprint() + " " + algorithm(ds.getAlgorithm()) + " " + digest;
    }

    /** @param signature an RRSIG @return e.g. {@code key 12345 ECDSAP256SHA256 (13), valid 2026-12-01T… to …} */
    public static String describe(RRSIGRecord signature) {
        return "key " + signature.getFootprint() + " " + algorithm(signature.getAlgorithm()) + ", valid "
                + signature.getTimeSigned() + " to " + signature.getExpire();
    }

    /**
     * @param ds a DS record from the parent
     * @param key one of the zone's keys
     * @return whether the DS is that key's digest (RFC 4034 5.1.4)
     */
    public static boolean matches(DSRecord ds, DNSKEYRecord key) {
        if (ds.getFootprint() != key.getFootprint() || ds.getAlgorithm() != key.getAlgorithm()) {
            return false;
        }
        try {
            DSRecord computed = new DSRecord(ds.getName(), DClass.IN, 0, ds.getDigestID(), key);
            return Arrays.equals(computed.getDigest(), ds.getDigest());
        } catch (RuntimeException unsupportedDigest) {
            return false;
        }
    }
}
