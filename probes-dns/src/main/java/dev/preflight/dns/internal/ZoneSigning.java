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
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * What a zone publishes for DNSSEC, read without validation: its keys, the signatures over its SOA,
 * and the DS records its parent publishes for it. The validator says whether the zone validates;
 * these say why not, and what to fix.
 *
 * @param apex the zone's apex
 * @param soa the SOA record set, possibly empty
 * @param soaSignatures the RRSIGs over it
 * @param keys the zone's DNSKEY records
 * @param ds the parent's DS records for the zone; empty at the root
 */
public record ZoneSigning(Name apex, RRset soa, List<RRSIGRecord> soaSignatures, List<DNSKEYRecord> keys,
        List<DSRecord> ds) {

    /** Copies the lists. */
    public ZoneSigning {
        soaSignatures = List.copyOf(soaSignatures);
        keys = List.copyOf(keys);
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
        Message soa = answer(dns, apex, Type.SOA);
        Message keys = answer(dns, apex, Type.DNSKEY);
        // The root has no parent; any other zone's DS is answered from its parent's side (RFC 4035 3.1.4.1).
        List<DSRecord> ds = apex.equals(Name.root) ? List.of()
                : DnssecQuestions.records(answer(dns, apex, Type.DS), Section.ANSWER, apex, DSRecord.class);
        RRset soaSet = new RRset();
        DnssecQuestions.records(soa, Section.ANSWER, apex, SOARecord.class).forEach(soaSet::addRR);
        return new ZoneSigning(apex, soaSet, DnssecQuestions.signatures(soa, apex, Type.SOA),
                DnssecQuestions.records(keys, Section.ANSWER, apex, DNSKEYRecord.class), ds);
    }

    private static Message answer(DnsMessages dns, Name name, int type) throws IOException {
        return ServerFailureException.check(dns, dns.send(DnssecQuestions.query(name, type)));
    }
}
