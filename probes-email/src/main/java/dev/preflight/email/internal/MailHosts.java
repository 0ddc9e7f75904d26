package dev.preflight.email.internal;

import dev.preflight.dns.internal.DomainNames;
import dev.preflight.net.DnsAnswer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.xbill.DNS.MXRecord;

/**
 * The hosts a sending MTA delivers a domain's mail to, found as RFC 5321 section 5.1 says: its MX
 * hosts by preference, or, with no MX record, the domain itself (the "implicit MX"); none for a null
 * MX (RFC 7505) or a domain that does not exist. A null MX beside other MX records is left out and
 * the other hosts kept (dns.mx reports the mix). Immutable.
 *
 * @param source how the hosts were found
 * @param hosts the host names, lower case, in preference order, each once
 * @param records the MX records as read, e.g. {@code 10 mx1.shop.test}; empty without MX
 */
public record MailHosts(Source source, List<String> hosts, List<String> records) {

    /** How a domain's mail hosts were found. */
    public enum Source {
        /** MX records name the hosts. */
        MX,
        /** No MX record: the domain's own address receives its mail (RFC 5321 5.1). */
        IMPLICIT_MX,
        /** One MX of preference 0 and target ".": the domain accepts no mail (RFC 7505). */
        NULL_MX,
        /** The domain does not exist (NXDOMAIN): mail to it bounces. */
        NO_SUCH_DOMAIN
    }

    /** Copies the lists. */
    public MailHosts {
        hosts = List.copyOf(hosts);
        records = List.copyOf(records);
    }

    /**
     * @param domain the domain, lower case, without a final dot
     * @param mx the answer to its MX question; not a server failure
     * @return where its mail goes
     * @throws IllegalArgumentException for a server failure, which says nothing about the domain
     */
    public static MailHosts of(String domain, DnsAnswer mx) {
        switch (mx.outcome()) {
            case SERVER_FAILURE:
                throw new IllegalArgumentException("a server failure names no mail host");
            case NO_SUCH_NAME:
                return new MailHosts(Source.NO_SUCH_DOMAIN, List.of(), List.of());
            case NO_RECORDS:
                return new MailHosts(Source.IMPLICIT_MX, List.of(domain), List.of());
            default:
                break;
        }
        List<MXRecord> sorted = mx.records(MXRecord.class).stream()
                .sorted(Comparator.comparingInt(MXRecord::getPriority)).toList();
        List<String> records = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        for (MXRecord record : sorted) {
            String host = DomainNames.relative(record.getTarget().toString());
            records.add(record.getPriority() + " " + host);
            if (!host.equals(".") && !hosts.contains(host)) {
                hosts.add(host);
            }
        }
        if (hosts.isEmpty()) {
            // Only "." targets: the domain says it takes no mail, whatever the preference.
            return new MailHosts(Source.NULL_MX, List.of(), records);
        }
        return new MailHosts(Source.MX, hosts, records);
    }
}
