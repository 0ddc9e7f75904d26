package dev.preflight.dns;

import dev.preflight.dns.internal.AnchorReach;
import dev.preflight.dns.internal.DnssecValidation;
import dev.preflight.dns.internal.DnssecVerdict;
import dev.preflight.dns.internal.DomainNames;
import dev.preflight.dns.internal.ServerFailureException;
import dev.preflight.dns.internal.TrustAnchors;
import dev.preflight.dns.internal.ZoneApex;
import dev.preflight.dns.internal.ZoneSigning;
import dev.preflight.net.DnsMessages;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import java.io.IOException;
import java.util.Optional;
import org.xbill.DNS.Name;

/**
 * {@code dns.dnssec}: the domain's zone validates with DNSSEC, as a validating resolver would judge it
 * (dnsjava's {@code ValidatingResolver}, asking the run's DNS servers).
 *
 * <p>The zone is the one the domain belongs to (the owner of its SOA); its SOA record set is validated
 * along the chain of trust from the trust anchors, and its DNSKEY set, its parent's DS and the
 * signatures over both are read to say why. Settings: {@code trust-anchor}, a file of DS or DNSKEY
 * records in zone-file syntax where chains of trust start (default: the IANA root KSKs 20326 and
 * 38696); a file that cannot be read or parsed, or holds neither, is a settings error.
 *
 * <p>PASS: the SOA validates (secure). WARN: the zone is not signed (no DNSKEY); signed but its parent
 * publishes no DS (an island of security); signed with a DS but no chain of trust reaches it (an
 * unsigned parent, or a private zone outside the anchors); secure, but a signature over the SOA or the
 * DNSKEY set expires within 3 days, a key uses an algorithm RFC 8624 advises against (RSA/SHA-1, DSA,
 * GOST, MD5), or the parent's DS records use only SHA-1 digests. FAIL: validation fails (bogus), with
 * the cause where a local check finds it (no key matching the parent's DS, an expired or broken
 * signature over the DNSKEY set or the SOA), else the validator's reason; the parent publishes DS but
 * the zone serves no DNSKEY; the domain does not exist. ERROR: a DNS server failed (SERVFAIL, REFUSED)
 * or did not answer before the deadline; or validation fails and the servers do not serve the DNSKEY
 * set of the trust anchor above the zone, or serve it without signatures (an authoritative server
 * asked as if it were a resolver, a resolver that strips DNSSEC records). SKIP: a target that names no domain. Details: {@code zone},
 * {@code validation} (secure, insecure or bogus), {@code reason} (the validator's),
 * {@code trustAnchor}, {@code keys} (tag, algorithm, KSK or ZSK), {@code ds}, {@code soaSignatures}
 * and {@code keySignatures} (signing key and validity period).
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class DnssecProbe extends DomainProbe {

    @Override
    public String id() {
        return "dns.dnssec";
    }

    @Override
    public String title() {
        return "The domain's zone is signed and validates with DNSSEC";
    }

    @Override
    Result check(ProbeContext context, String domain) throws Exception {
        TrustAnchors anchors = TrustAnchors.from(context.settings());
        Name name;
        try {
            name = Name.fromString(domain, Name.root);
        } catch (IOException e) {
            // Name.fromString throws only TextParseException; naming it in a catch would make the JVM
            // load dnsjava when it verifies this class, which every run does (an env-only one too).
            return Result.fail("'" + domain + "' is not a valid DNS name: " + e.getMessage(),
                    "Correct the domain in the target.");
        }
        DnsMessages dns = DnsMessages.of(context);
        try {
            Optional<Name> apex = ZoneApex.of(dns, name);
            if (apex.isEmpty()) {
                return Result.fail(domain + " does not exist (NXDOMAIN from " + dns.describe() + ")",
                        "Register the domain or correct the target.");
            }
            ZoneSigning zone = ZoneSigning.ask(dns, apex.get());
            DnssecValidation validation = DnssecValidation.of(dns, anchors, context.clock(), apex.get());
            if (validation.state() == DnssecValidation.State.SERVER_FAILURE) {
                return Result.error(dns.describe() + " could not answer SOA "
                        + DomainNames.relative(apex.get().toString()) + " for validation ("
                        + validation.rcode() + ")", null);
            }
            if (validation.state() == DnssecValidation.State.BOGUS) {
                // A resolver that strips signatures makes every zone look broken: rule the setup out first.
                Optional<String> unreachable = AnchorReach.problem(dns, anchors, apex.get());
                if (unreachable.isPresent()) {
                    return Result.error(unreachable.get(), null);
                }
            }
            return DnssecVerdict.judge(zone, validation, anchors, context.clock().instant());
        } catch (ServerFailureException e) {
            return Result.error(e.getMessage(), null);
        }
    }
}
