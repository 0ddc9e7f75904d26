package dev.preflight.dns;

import dev.preflight.dns.internal.CaaPolicy;
import dev.preflight.dns.internal.DomainNames;
import dev.preflight.dns.internal.ServerFailures;
import dev.preflight.net.DnsAnswer;
import dev.preflight.net.Network;
import dev.preflight.net.Resolver;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import java.util.Optional;

/**
 * {@code dns.caa}: the domain says which certificate authorities may issue for it (RFC 8659).
 *
 * <p>The CAA record set that applies is the domain's own or, when it has none, its nearest ancestor's:
 * the climb of RFC 8659 §3, stopping below the top-level domain. PASS: {@code issue} or
 * {@code issuewild} properties name the CAs allowed. WARN: no CAA anywhere up the tree (any CA may
 * issue); or {@code issue ";"} alone, which forbids every CA (right for a domain without
 * certificates, fatal to one that renews them). FAIL: a critical property that CAs do not know,
 * which makes every CA refuse (§4.1 and §5.4), or an {@code issue} value that is not a domain name.
 * ERROR: the DNS server failed or did not answer before the deadline. SKIP: a target that names no
 * domain. Details: {@code from} (where the records were found), {@code records}, {@code allowed},
 * {@code iodef}.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class CaaProbe implements Probe {

    @Override
    public String id() {
        return "dns.caa";
    }

    @Override
    public String title() {
        return "CAA records name the certificate authorities that may issue";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.DOMAIN;
    }

    @Override
    public Result check(ProbeContext context) throws Exception {
        Optional<String> domain = DomainNames.of(context.target());
        if (domain.isEmpty()) {
            return Result.skip("the target names no domain");
        }
        Resolver dns = Network.of(context).resolver();
        String name = domain.get();
        while (true) {
            DnsAnswer answer = dns.caa(name);
            if (answer.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
                return ServerFailures.error(answer);
            }
            if (answer.found()) {
                return CaaPolicy.judge(domain.get(), name, answer);
            }
            int dot = name.indexOf('.');
            // RFC 8659 3: climb to the parent, but a top-level domain's CAA is no policy of the site's.
            if (dot < 0 || name.indexOf('.', dot + 1) < 0) {
                return CaaPolicy.none(domain.get());
            }
            name = name.substring(dot + 1);
        }
    }
}
