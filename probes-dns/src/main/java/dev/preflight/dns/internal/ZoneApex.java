package dev.preflight.dns.internal;

import dev.preflight.net.DnsMessages;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Finds the zone a name belongs to: the owner of the SOA its server answers with. */
public final class ZoneApex {

    private ZoneApex() {
    }

    /**
     * A zone's apex owns an SOA; any other name's answer carries its zone's SOA in the authority section
     * (RFC 2308 §2.2). A name with a CNAME is no apex, and its SOA question would follow the alias into
     * another zone, so its parent is asked instead.
     *
     * @param dns the run's DNS servers
     * @param name an absolute name
     * @return the apex of its zone; empty if the name does not exist
     * @throws ServerFailureException if a server answered with an error code
     * @throws IOException if the servers could not be asked, the deadline passed, or no SOA came back
     */
    public static Optional<Name> of(DnsMessages dns, Name name) throws IOException {
        Name asked = name;
        while (true) {
            Message answer = ServerFailureException.check(dns, dns.send(DnssecQuestions.query(asked, Type.SOA)));
            if (answer.getRcode() == Rcode.NXDOMAIN) {
                return Optional.empty();
            }
            if (!DnssecQuestions.records(answer, Section.ANSWER, asked, SOARecord.class).isEmpty()) {
                return Optional.of(asked);
            }
            if (!DnssecQuestions.records(answer, Section.ANSWER, asked, CNAMERecord.class).isEmpty()
                    && asked.labels() > 1) {
                asked = new Name(asked, 1);
                continue;
            }
            List<SOARecord> authority = answer.getSection(Section.AUTHORITY).stream()
                    .filter(SOARecord.class::isInstance).map(SOARecord.class::cast).toList();
            if (authority.isEmpty() || !asked.subdomain(authority.get(0).getName())) {
                throw new IOException(dns.describe() + " sent no SOA record of a zone holding "
                        + DomainNames.relative(asked.toString()) + ", so the zone it belongs to is unknown");
            }
            return Optional.of(authority.get(0).getName());
        }
    }
}
