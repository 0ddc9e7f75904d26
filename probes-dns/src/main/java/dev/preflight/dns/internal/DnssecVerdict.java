package dev.preflight.dns.internal;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.RRSIGRecord;

/** Judges a zone's DNSSEC from the validator's conclusion and what the zone publishes. */
public final class DnssecVerdict {
    /** Re-signing runs well ahead of expiry; a signature this close to it means the signer has stalled. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(3);

    private static final String FIX_BOGUS = "Validating resolvers (most ISPs', 1.1.1.1, 8.8.8.8) now answer SERVFAIL"
            + " for this zone: re-sign it, make the parent's DS match a published key-signing key, or remove the DS"
            + " at the registrar until signing works.";

    private DnssecVerdict() {
    }

    /**
     * @param zone what the zone publishes
     * @param validation the validator's conclusion about its SOA
     * @param anchors where chains of trust started
     * @param now the check's time
     * @return the result; a validation that reached no conclusion is left to the caller
     */
    public static Result judge(ZoneSigning zone, DnssecValidation validation, TrustAnchors anchors, Instant now) {
        String name = DomainNames.relative(zone.apex().toString());
        boolean dsWithoutKeys = zone.keys().isEmpty() && !zone.ds().isEmpty();
        Result.Builder result = switch (validation.state()) {
            case SECURE -> secure(zone, name, anchors, now);
            case BOGUS -> Result.builder(Status.FAIL).summary("DNSSEC validation of " + name + " fails: "
                    + BogusCause.of(zone, now).or(validation::why).orElse("bogus")).remediation(FIX_BOGUS);
            case INSECURE -> dsWithoutKeys
                    ? Result.builder(Status.FAIL).summary(noKeys(zone, name)).remediation("Publish the keys the DS"
                            + " names (turn signing back on), or remove the DS at the registrar: validators that reach"
                            + " the zone reject every answer it gives.")
                    : insecure(zone, name, validation, anchors);
            case SERVER_FAILURE -> throw new IllegalArgumentException("no conclusion to judge");
        };
        result.detail("zone", name)
                .detail("validation", validation.state().name().toLowerCase(java.util.Locale.ROOT))
                .detail("trustAnchor", anchors.description())
                .detail("keys", zone.keys().stream().map(DnssecRecords::describe).toList())
                .detail("ds", zone.ds().stream().map(DnssecRecords::describe).toList())
                .detail("soaSignatures", zone.soaSignatures().stream().map(DnssecRecords::describe).toList())
                .detail("keySignatures", zone.keySignatures().stream().map(DnssecRecords::describe).toList());
        validation.why().ifPresent(r -> result.detail("reason", r));
        return result.build();
    }

    private static Result.Builder secure(ZoneSigning zone, String name, TrustAnchors anchors, Instant now) {
        List<String> warnings = new ArrayList<>();
        expiring(zone.soaSignatures(), "SOA", now).ifPresent(warnings::add);
        expiring(zone.keySignatures(), "DNSKEY set", now).ifPresent(warnings::add);
        zone.keys().stream().map(DNSKEYRecord::getAlgorithm).distinct().filter(DnssecRecords::deprecated)
                .forEach(alg -> warnings.add("it is signed with " + DnssecRecords.algorithm(alg)
                        + ", which RFC 8624 advises against"));
        if (!zone.ds().isEmpty() && zone.ds().stream().allMatch(ds -> ds.getDigestID() == DSRecord.SHA1_DIGEST_ID)) {
            warnings.add("its parent's DS records use only SHA-1 digests, which RFC 8624 says not to publish");
        }
        List<String> algorithms = zone.keys().stream().map(DNSKEYRecord::getAlgorithm).distinct()
                .map(DNSSEC.Algorithm::string).toList();
        if (warnings.isEmpty()) {
            return Result.builder(Status.PASS).summary(name + " validates with DNSSEC ("
                    + (algorithms.isEmpty() ? "" : String.join(", ", algorithms) + ", ") + "chain of trust from "
                    + anchors.description() + ")");
        }
        return Result.builder(Status.WARN).summary(name + " validates with DNSSEC, but " + String.join("; ", warnings))
                .remediation("Check that the signer re-signs the zone (a stalled signer lets signatures expire and"
                        + " the zone go dark); roll to ECDSAP256SHA256 (13) or ED25519 (15) when an old algorithm"
                        + " is named; publish a SHA-256 DS at the registrar when only SHA-1 ones are.");
    }

    private static Result.Builder insecure(ZoneSigning zone, String name, DnssecValidation validation,
            TrustAnchors anchors) {
        if (zone.keys().isEmpty()) {
            return Result.builder(Status.WARN).summary(name + " is not signed (no DNSKEY): its answers can be forged"
                    + " without a validating resolver noticing").remediation("Turn on DNSSEC signing at your DNS"
                            + " provider, then publish the DS record it gives you at your registrar.");
        }
        if (zone.ds().isEmpty()) {
            return Result.builder(Status.WARN).summary(name + " is signed, but its parent publishes no DS record"
                    + " (an island of security): validators cannot trust its keys").remediation("Publish the DS"
                            + " record of the zone's key-signing key at your registrar (or in the parent zone).");
        }
        return Result.builder(Status.WARN).summary(name + " is signed and its parent publishes DS, but no chain of"
                + " trust reaches it from " + anchors.description() + validation.why().map(r -> ": " + r).orElse(""))
                .remediation("Check that every zone above it is signed with a DS at its own parent, or anchor"
                        + " validation at a zone of yours with dns.dnssec.trust-anchor for a private namespace.");
    }

    private static Optional<String> expiring(List<RRSIGRecord> signatures, String what, Instant now) {
        return signatures.stream().map(RRSIGRecord::getExpire).min(Instant::compareTo)
                .filter(expiry -> Duration.between(now, expiry).compareTo(EXPIRY_WARNING) < 0)
                .map(expiry -> "the signature over its " + what + " expires in "
                        + Duration.between(now, expiry).toHours() + " h (" + expiry + ")");
    }

    static String noKeys(ZoneSigning zone, String name) {
        return "the parent publishes DS for " + name + " (" + String.join(", ", zone.ds().stream()
                .map(DnssecRecords::describe).toList()) + "), but the zone serves no DNSKEY";
    }
}
