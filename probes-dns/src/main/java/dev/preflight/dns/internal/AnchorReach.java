package dev.preflight.dns.internal;

import dev.preflight.net.DnsMessages;
import java.io.IOException;
import java.util.Comparator;
import java.util.Optional;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Whether the DNS servers can lead validation from the trust anchor at all. An authoritative server
 * given as {@code --dns-server} refuses the root's DNSKEY question, and a resolver that strips DNSSEC
 * records sends keys without signatures; the validator then calls every zone bogus. That is the
 * setup's fault, not the zone's, so the probe says ERROR.
 */
public final class AnchorReach {

    private AnchorReach() {
    }

    /**
     * @param dns the run's DNS servers
     * @param anchors the trust anchors
     * @param apex the zone validated
     * @return why validation cannot start from the anchor that covers the zone; empty if the anchor's
     *     DNSKEY set is served with its signatures, or no anchor covers the zone, or the anchor is the
     *     zone itself (whose own faults are the zone's)
     * @throws IOException if the servers could not be asked or the deadline passed
     */
    public static Optional<String> problem(DnsMessages dns, TrustAnchors anchors, Name apex) throws IOException {
        Optional<Name> anchor = anchors.names().stream().map(AnchorReach::parse).flatMap(Optional::stream)
                .filter(apex::subdomain).max(Comparator.comparingInt(Name::labels));
        if (anchor.isEmpty() || anchor.get().equals(apex)) {
            return Optional.empty();
        }
        String shown = DomainNames.relative(anchor.get().toString());
        Message answer = dns.send(DnssecQuestions.query(anchor.get(), Type.DNSKEY));
        if (answer.getRcode() != Rcode.NOERROR
                || DnssecQuestions.records(answer, Section.ANSWER, anchor.get(), DNSKEYRecord.class).isEmpty()) {
            return Optional.of(dns.describe() + " does not serve DNSKEY " + shown + " ("
                    + Rcode.string(answer.getRcode()) + (answer.getRcode() == Rcode.NOERROR ? ", no record" : "")
                    + "), where validation starts from " + anchors.description() + ", so the zone cannot be"
                    + " validated: ask a recursive resolver, or anchor at a zone the server holds with"
                    + " dns.dnssec.trust-anchor");
        }
        if (DnssecQuestions.signatures(answer, anchor.get(), Type.DNSKEY).isEmpty()) {
            return Optional.of(dns.describe() + " sends DNSKEY " + shown + " without signatures, where validation"
                    + " starts from " + anchors.description() + ": it strips DNSSEC records (or that zone is not"
                    + " signed), so nothing below it can be validated through it");
        }
        return Optional.empty();
    }

    private static Optional<Name> parse(String name) {
        try {
            return Optional.of(Name.fromString(name, Name.root));
        } catch (TextParseException e) {
            return Optional.empty();
        }
    }
}
