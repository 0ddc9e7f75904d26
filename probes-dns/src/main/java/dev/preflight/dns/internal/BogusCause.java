package dev.preflight.dns.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;

/**
 * Why a zone is bogus, found in what it publishes: the validator's reasons name the record set that
 * failed, not what is wrong with it. Checks, in order: keys at all, a key matching the parent's DS,
 * the signatures over the DNSKEY set (by a key the DS names, when there is a DS), then those over the
 * SOA (expired, not yet valid, or not verifying).
 */
public final class BogusCause {

    private BogusCause() {
    }

    /**
     * @param zone what the zone publishes
     * @param now the check's time
     * @return the fault found in the zone's own keys, DS or signatures; empty if they check out
     */
    public static Optional<String> of(ZoneSigning zone, Instant now) {
        String name = DomainNames.relative(zone.apex().toString());
        List<DNSKEYRecord> keys = zone.keys();
        if (keys.isEmpty()) {
            return Optional.of(zone.ds().isEmpty() ? "the zone serves no DNSKEY" : DnssecVerdict.noKeys(zone, name));
        }
        List<DNSKEYRecord> entries = zone.ds().isEmpty() ? keys : keys.stream()
                .filter(key -> zone.ds().stream().anyMatch(ds -> DnssecRecords.matches(ds, key))).toList();
        if (entries.isEmpty()) {
            return Optional.of("no DNSKEY of the zone matches the parent's DS ("
                    + String.join(", ", zone.ds().stream().map(DnssecRecords::describe).toList()) + ")");
        }
        return fault(zone.dnskey(), "the DNSKEY set", entries, now).or(() -> fault(zone.soa(), "the SOA", keys, now));
    }

    /** @return the fault of the set's signatures if none verifies with one of the keys */
    private static Optional<String> fault(RRset set, String what, List<DNSKEYRecord> keys, Instant now) {
        if (set.size() == 0) {
            return Optional.empty();
        }
        if (set.sigs().isEmpty()) {
            return Optional.of(what + " carries no RRSIG");
        }
        String fault = null;
        for (RRSIGRecord signature : set.sigs()) {
            Optional<DNSKEYRecord> key = keys.stream().filter(k -> k.getFootprint() == signature.getFootprint()
                    && k.getAlgorithm() == signature.getAlgorithm()).findFirst();
            if (key.isEmpty()) {
                fault = "no usable DNSKEY with tag " + signature.getFootprint() + " for the RRSIG over " + what;
                continue;
            }
            try {
                DNSSEC.verify(set, signature, key.get(), now);
                return Optional.empty();
            } catch (DNSSEC.SignatureExpiredException e) {
                fault = "the RRSIG over " + what + " expired at " + signature.getExpire();
            } catch (DNSSEC.SignatureNotYetValidException e) {
                fault = "the RRSIG over " + what + " is not valid before " + signature.getTimeSigned();
            } catch (DNSSEC.DNSSECException e) {
                fault = "the RRSIG over " + what + " (key " + signature.getFootprint() + ") does not verify";
            }
        }
        return Optional.ofNullable(fault);
    }
}
