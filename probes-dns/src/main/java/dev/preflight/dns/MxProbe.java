package dev.preflight.dns;

import dev.preflight.dns.internal.MxHosts;
import dev.preflight.dns.internal.ServerFailures;
import dev.preflight.net.DnsAnswer;
import dev.preflight.net.Network;
import dev.preflight.net.Resolver;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.util.Comparator;
import java.util.List;
import org.xbill.DNS.MXRecord;

/**
 * {@code dns.mx}: mail for the domain has somewhere to go, or the domain says plainly that it takes
 * none.
 *
 * <p>PASS: one or more MX records whose hosts are names that resolve, or a null MX (RFC 7505: a
 * single MX of preference 0 and target "."), which says the domain accepts no mail. FAIL: no MX
 * (mail falls back to the A record, RFC 5321 5.1, or bounces), a domain that does not exist, an MX
 * host that does not resolve, is an alias (a CNAME, which RFC 2181 10.3 forbids) or is an IP address
 * written as a name, or a null MX beside other MX records. ERROR: the DNS server failed or did not
 * answer before the deadline. SKIP: a target that names no domain.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class MxProbe extends DomainProbe {

    @Override
    public String id() {
        return "dns.mx";
    }

    @Override
    public String title() {
        return "MX records lead to hosts that resolve, or a null MX says no mail";
    }

    @Override
    Result check(ProbeContext context, String domain) throws Exception {
        Resolver dns = Network.of(context).resolver();
        DnsAnswer answer = dns.mx(domain);
        switch (answer.outcome()) {
            case NO_SUCH_NAME:
                return Result.builder(Status.FAIL).summary(domain + " does not exist in DNS (NXDOMAIN)")
                        .remediation("Register the domain or fix its delegation, then add MX records.")
                        .detail("server", answer.server()).build();
            case SERVER_FAILURE:
                return ServerFailures.error(answer);
            case NO_RECORDS:
                return Result.builder(Status.FAIL).summary(domain + " has no MX record")
                        .remediation("Publish MX records for " + domain + " pointing at your mail provider's"
                                + " hosts, or, if the domain sends no mail and takes none, a null MX:"
                                + " '" + domain + ". MX 0 .' (RFC 7505).")
                        .build();
            default:
                List<MXRecord> records = answer.records(MXRecord.class).stream()
                        .sorted(Comparator.comparingInt(MXRecord::getPriority)).toList();
                return MxHosts.judge(domain, records, dns);
        }
    }
}
