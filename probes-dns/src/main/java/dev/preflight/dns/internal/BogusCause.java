package dev.preflight.dns.internal;

import java.time.Instant;
import java.util.Optional;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.RRSIGRecord;

/**
 * Why a zone is bogus, found in what it publishes: the validator's reasons name the record set that
 * failed, not what is wrong with it. Checks, in order: keys at all, a key matching the parent's DS,
 * then each signature over the SOA against its key (expired, not yet valid, or not verifying).
 */
public final class BogusCause {

    private BogusCause() {
    }

    /**
     * @param zone what the zone publishes
     * @param now the check's time
     * @return the fault found in the zone's own keys, DS or SOA signatures; empty if they check out
     */
    public static Optional<String> of(ZoneSigning zone, Instant now) {
        String name = DomainNames.relative(zone.apex().toString());
        if (zone.keys().isEmpty()) {
            return Optional.of(zone.ds().isEmpty() ? "the zone serves no DNSKEY" : DnssecVerdict.noKeys(zone, name));
        }
        if (!zone.ds().isEmpty() && zone.ds().stream().noneMatch(ds -> zone.keys().stream()
                .anyMatch(key -> DnssecRecords.matches(ds, key)))) {
            return Optional.of("no DNSKEY of the zone matches the parent's DS ("
                    + String.join(", ", zone.ds().stream().map(DnssecRecords::describe).toList()) + ")");
        }
        if (zone.soaSignatures().isEmpty()) {
            return Optional.of("the SOA of " + name + " carries no RRSIG");
        }
        String fault = null;
        for (RRSIGRecord signature : zone.soaSignatures()) {
            Optional<DNSKEYRecord> key = zone.keys().stream().filter(k -> k.getFootprint() == signature.getFootprint()
                    && k.getAlgorithm() == signature.getAlgorithm()).findFirst();
            if (key.isEmpty()) {
                fault = "no DNSKEY with tag " + signature.getFootprint() + " for the RRSIG over the SOA";
                continue;
            }
            try {
                DNSSEC.verify(zone.soa(), signature, key.get(), now);
                return Optional.empty();
            } catch (DNSSEC.SignatureExpiredException e) {
                fault = "the RRSIG over the SOA expired at " + signature.getExpire();
            } catch (DNSSEC.SignatureNotYetValidException e) {
                fault = "the RRSIG over the SOA is not valid before " + signature.getTimeSigned();
            } catch (DNSSEC.DNSSECException e) {
                fault = "the RRSIG over the SOA (key " + signature.getFootprint() + ") does not verify";
            }
        }
        return Optional.ofNullable(fault);
    }
}
