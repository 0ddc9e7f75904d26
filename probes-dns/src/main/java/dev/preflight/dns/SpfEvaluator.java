package dev.preflight.dns;

import dev.preflight.dns.internal.SpfCheck;
import dev.preflight.net.Resolver;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Objects;

/**
 * RFC 7208 {@code check_host()}: does a domain's SPF policy authorise a client address to send its
 * mail? The one SPF evaluator of Preflight, on the records {@code dns.spf} parses, for probes that
 * need the answer (e.g. whether a mail server may send as the sender domain).
 *
 * <pre>{@code
 * SpfEvaluator spf = SpfEvaluator.using(Network.of(context).resolver());
 * SpfEvaluation found = spf.checkHost(InetAddress.getByName("192.0.2.7"), "shop.example", "orders@shop.example");
 * if (found.result() == SpfResult.PASS) { ... }   // found.mechanism(): "include:_spf.mail.example > ip4:192.0.2.0/24"
 * }</pre>
 *
 * <p>Every term of RFC 7208 is evaluated: {@code all include a mx ptr ip4 ip6 exists}, qualifiers,
 * dual CIDR lengths, {@code redirect}, macros ({@code %{s l o d i p v h}} with transformers and
 * delimiters). Limits (4.6.4): the 11th term that asks DNS is a permerror, and so is the third void
 * lookup (a, mx or exists finding no such name or no records) and an MX set of more than 10 hosts;
 * of a PTR answer only the first 10 names are looked at. Unknown modifiers are ignored, and
 * {@code exp=} too: no explanation text is built. A domain that is not a valid name is {@code none}.
 * Every question goes through the resolver, so it is bounded by the check's deadline and cached for
 * the run.
 *
 * <p>Errors: a DNS server failure (SERVFAIL) or a question that cannot be asked is
 * {@link SpfResult#TEMPERROR}; only a server that says nothing before the deadline throws
 * ({@link dev.preflight.net.DeadlineExceededException}), since that says nothing about the domain.
 * Not thread-safe, like the {@link Resolver} it uses: one evaluator per check.
 *
 * @since 0.3
 */
public final class SpfEvaluator {
    /** What {@code %{h}} expands to without a HELO name: a single label, which names no host. */
    public static final String NO_HELO = "unknown";

    private final Resolver dns;

    private SpfEvaluator(Resolver dns) {
        this.dns = dns;
    }

    /**
     * @param resolver the check's resolver, e.g. {@code Network.of(context).resolver()}
     * @return an evaluator asking it every question
     */
    public static SpfEvaluator using(Resolver resolver) {
        return new SpfEvaluator(Objects.requireNonNull(resolver, "resolver"));
    }

    /**
     * RFC 7208 section 4: {@code check_host(ip, domain, sender)}, without a HELO name ({@code %{h}}
     * expands to {@value #NO_HELO}).
     *
     * @param ip the client's address; an IPv4-mapped IPv6 address counts as IPv4
     * @param domain the domain whose policy applies, usually the sender's
     * @param sender the MAIL FROM, {@code local@domain}; without a local part (or empty) it is
     *     {@code postmaster} at the domain (4.3)
     * @return the result, never null
     * @throws dev.preflight.net.DeadlineExceededException if a DNS server did not answer before the deadline
     * @throws IOException if the thread was interrupted while waiting for DNS
     */
    public SpfEvaluation checkHost(InetAddress ip, String domain, String sender) throws IOException {
        return checkHost(ip, domain, sender, NO_HELO);
    }

    /**
     * {@code check_host()} knowing the HELO/EHLO name as well, for policies that use {@code %{h}}.
     *
     * @param ip the client's address
     * @param domain the domain whose policy applies
     * @param sender the MAIL FROM, {@code local@domain}
     * @param helo the name the client gave in HELO or EHLO
     * @return the result, never null
     * @throws dev.preflight.net.DeadlineExceededException if a DNS server did not answer before the deadline
     * @throws IOException if the thread was interrupted while waiting for DNS
     */
    public SpfEvaluation checkHost(InetAddress ip, String domain, String sender, String helo) throws IOException {
        Objects.requireNonNull(ip, "ip");
        return SpfCheck.run(dns, ip, domain, sender, helo == null || helo.isBlank() ? NO_HELO : helo.strip());
    }
}
