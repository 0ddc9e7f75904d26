package dev.preflight.dns;

import dev.preflight.testsupport.DnsZone;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * A zone signed in the test with dnsjava (one key, flags 257: ECDSA P-256, or RSA 2048 for the RSA
 * algorithms), to be served as written by
 * a knotd with signing off: so that a test can break what knotd would sign correctly, e.g. flip a bit
 * of the signature over the SOA. Delegations (NS below the apex, and their glue) stay unsigned, as
 * RFC 4035 2.2 says. No NSEC chain: only positive answers validate.
 */
final class PresignedZone {
    private final DnsZone zone;
    private final KeyPair pair;
    private final DNSKEYRecord key;
    private final Set<Integer> tampered = new java.util.HashSet<>();
    private boolean signatures = true;

    private PresignedZone(DnsZone zone, int algorithm) throws IOException {
        this.zone = zone;
        try {
            KeyPairGenerator generator;
            if (algorithm == DNSSEC.Algorithm.ECDSAP256SHA256) {
                generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
            }
            this.pair = generator.generateKeyPair();
            this.key = new DNSKEYRecord(Name.fromString(zone.origin()), DClass.IN, 300, 257,
                    DNSKEYRecord.Protocol.DNSSEC, algorithm, pair.getPublic());
        } catch (GeneralSecurityException | DNSSEC.DNSSECException e) {
            throw new IOException(e);
        }
    }

    static PresignedZone of(DnsZone zone) throws IOException {
        return new PresignedZone(zone, DNSSEC.Algorithm.ECDSAP256SHA256);
    }

    /** @param algorithm a DNSSEC algorithm: ECDSAP256SHA256 or one of the RSA ones @return the zone, unsigned yet */
    static PresignedZone of(DnsZone zone, int algorithm) throws IOException {
        return new PresignedZone(zone, algorithm);
    }

    /** @param type the record type whose signature gets one bit flipped @return this zone */
    PresignedZone tamper(int type) {
        tampered.add(type);
        return this;
    }

    /** @return this zone with its key but no signature at all, as a resolver that strips them shows it */
    PresignedZone withoutSignatures() {
        signatures = false;
        return this;
    }

    /** @return the DS record of the zone's key, SHA-256, in zone-file syntax */
    String ds() {
        return new DSRecord(key.getName(), DClass.IN, 300, DSRecord.SHA256_DIGEST_ID, key).toString();
    }

    /**
     * @param digest a DS digest type, e.g. {@link DSRecord#SHA256_DIGEST_ID}
     * @return the DS record's data alone, for a parent zone's {@code DS} line
     */
    String dsData(int digest) {
        return new DSRecord(key.getName(), DClass.IN, 300, digest, key).rdataToString();
    }

    /** @return the zone file with the key and a signature over every authoritative RRset */
    String text() throws IOException {
        Name origin = key.getName();
        Map<String, RRset> sets = new LinkedHashMap<>();
        List<Name> cuts = new ArrayList<>();
        try (Master master = new Master(new ByteArrayInputStream(zone.text().getBytes(StandardCharsets.UTF_8)))) {
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                sets.computeIfAbsent(r.getName() + "/" + r.getType(), k -> new RRset()).addRR(r);
                if (r.getType() == Type.NS && !r.getName().equals(origin)) {
                    cuts.add(r.getName());
                }
            }
        }
        sets.computeIfAbsent(origin + "/" + Type.DNSKEY, k -> new RRset()).addRR(key);
        Instant now = Instant.now();
        StringBuilder out = new StringBuilder();
        for (RRset set : sets.values()) {
            set.rrs().forEach(r -> out.append(r).append('\n'));
            boolean delegated = cuts.stream().anyMatch(cut -> set.getName().subdomain(cut))
                    && set.getType() != Type.DS;
            if (signatures && !delegated) {
                out.append(signature(set, now)).append('\n');
            }
        }
        return out.toString();
    }

    private RRSIGRecord signature(RRset set, Instant now) throws IOException {
        try {
            RRSIGRecord signature = DNSSEC.sign(set, key, pair.getPrivate(), now.minus(Duration.ofHours(1)),
                    now.plus(Duration.ofDays(14)));
            if (!tampered.contains(set.getType())) {
                return signature;
            }
            byte[] bytes = signature.getSignature().clone();
            bytes[bytes.length / 2] ^= 0x01;
            return new RRSIGRecord(signature.getName(), signature.getDClass(), signature.getTTL(),
                    signature.getTypeCovered(), signature.getAlgorithm(), signature.getOrigTTL(),
                    signature.getExpire(), signature.getTimeSigned(), signature.getFootprint(), signature.getSigner(),
                    bytes);
        } catch (DNSSEC.DNSSECException e) {
            throw new IOException(e);
        }
    }
}
