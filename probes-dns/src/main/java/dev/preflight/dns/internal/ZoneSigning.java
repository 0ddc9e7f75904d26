package dev.preflight.dns.internal;

import dev.preflight.net.DnsMessages;
import java.io.IOException;
import java.util.List;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * What a zone publishes for DNSSEC, read without validation: its SOA and DNSKEY record sets with the
 * signatures over them, and the DS records its parent publishes for it. The validator says whether
 * the zone validates; these say why not, and what to fix. Read-only once made.
 *
 * @param apex the zone's apex
 * @param soa the SOA record set and its RRSIGs, possibly empty
 * @param dnskey the DNSKEY record set and its RRSIGs, possibly empty
 * @param ds the parent's DS records for the zone; empty at the root
 */
public record ZoneSigning(Name apex, RRset soa, RRset dnskey, List<DSRecord> ds) {

    /** Copies the list. */
    public ZoneSigning {
        ds = List.copyOf(ds);
    }

    /**
     * Asks for the zone's SOA, DNSKEY and DS record sets, with signatures.
     *
     * @param dns the run's DNS servers
     * @param apex the zone's apex
     * @return what the zone publishes
     * @throws ServerFailureException if a server answered with an error code
     * @throws IOException if the servers could not be asked or the deadline passed
     */
    public static ZoneSigning ask(DnsMessages dns, Name apex) throws IOException {
        RRset soa = rrset(answer(dns, apex, Type.SOA), apex, Type.SOA);
        RRset dnskey = rrset(answer(dns, apex, Type.DNSKEY), apex, Type.DNSKEY);
        // The root has no parent; any other zone's DS is answered from its parent's side (RFC 4035 3.1.4.1).
        List<DSRecord> ds = apex.equals(Name.root) ? List.of()
                : DnssecQuestions.records(answer(dns, apex, Type.DS), Section.ANSWER, apex, DSRecord.class);
        return new ZoneSigning(apex, soa, dnskey, ds);
    }

    /** @return the zone's keys */
    public List<DNSKEYRecord> keys() {
        return dnskey.rrs(false).stream().map(DNSKEYRecord.class::cast).toList();
    }

    /** @return the signatures over the SOA */
    public List<RRSIGRecord> soaSignatures() {
        return List.copyOf(soa.sigs());
    }

    /** @return the signatures over the DNSKEY set */
    public List<RRSIGRecord> keySignatures() {
        return List.copyOf(dnskey.sigs());
    }

    private static RRset rrset(Message answer, Name apex, int type) {
        RRset set = new RRset();
        for (Record r : answer.getSection(Section.ANSWER)) {
            if (r.getName().equals(apex) && (r.getType() == type
                    || r instanceof RRSIGRecord sig && sig.getTypeCovered() == type)) {
                set.addRR(r);
            }
        }
        return set;
    }

    private static Message answer(DnsMessages dns, Name name, int type) throws IOException {
        return ServerFailureException.check(dns, dns.send(DnssecQuestions.query(name, type)));
    }
}
