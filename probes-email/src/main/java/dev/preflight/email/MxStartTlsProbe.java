package dev.preflight.email;

import dev.preflight.dns.internal.DomainNames;
import dev.preflight.dns.internal.ServerFailures;
import dev.preflight.dns.internal.TimeShares;
import dev.preflight.email.internal.MailHosts;
import dev.preflight.email.internal.MxAddresses;
import dev.preflight.email.internal.MxStartTls;
import dev.preflight.email.internal.MxVerdict;
import dev.preflight.email.internal.MxVerdicts;
import dev.preflight.net.DnsAnswer;
import dev.preflight.net.Network;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.Stage;
import dev.preflight.support.TemplateHosts;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code smtp.mx-starttls}: every host that receives a domain's mail offers STARTTLS on port 25 with
 * a valid certificate, so mail sent to the domain crosses the network encrypted to the right server.
 * This is the receiving side of deliverability, the one MTA-STS (RFC 8461) and DANE protect.
 *
 * <p>The domain's MX hosts are found as senders find them (RFC 5321 5.1): its MX records in
 * preference order, or, with none, the domain itself (the "implicit MX"; the result says so). Each
 * host is looked up (A and AAAA), and each address is spoken to as a sending MTA would: greeting,
 * EHLO, STARTTLS, a TLS 1.2+ handshake, and the chain judged against the MX host name exactly as
 * {@code tls.certificate} judges a site's; then QUIT. No MAIL or RCPT is ever sent. Each host and
 * each address gets a fair share of the deadline, so one silent host yields its own ERROR while the
 * others are still checked. The worst verdict decides.
 *
 * <p>Settings (keys under {@code smtp.mx-starttls.}):
 * <ul>
 *   <li>{@code port}: the port to connect to, 25 by default; another only where the MX hosts are
 *       reached through a forwarder on the checking machine's network;</li>
 *   <li>{@code max-hosts}: how many MX hosts to check, in preference order, 10 by default;</li>
 *   <li>{@code warn-days} (30) and {@code fail-days} (7): the certificate's days left below which it
 *       warns or fails, as for {@code tls.certificate}.</li>
 * </ul>
 *
 * <p>PASS: every host at every address offers STARTTLS and its certificate passes. WARN: a
 * certificate expires within {@code warn-days}; or every host checked passes but more than
 * {@code max-hosts} exist. FAIL: a host offers no STARTTLS (mail to it crosses in clear), refuses
 * it or fails its handshake, negotiates a protocol older than TLS 1.2, sends no certificate or one
 * the judgement fails (wrong name, expired, untrusted, weak); answers in something other than SMTP;
 * does not know EHLO; does not resolve (no such name, no address) or is an IP address written as a
 * name; the domain does not exist or has neither MX nor address. ERROR: no connection to any address
 * (with the hint that outbound port 25 may be blocked from this machine), no greeting or reply
 * before the host's share of the deadline, a session or EHLO refused to this machine (as servers do
 * to addresses on a blocklist), an IPv6 address unreachable from this machine, a DNS server that
 * failed or did not answer. SKIP: a null MX (the domain accepts no mail, RFC 7505), a template domain
 * ({@code example.com}, {@code your-domain.com}: somebody else's mail hosts, or nobody's), or a
 * target that names no domain.
 *
 * <p>Details: {@code source} (MX records or the implicit MX), {@code mx} (the records),
 * {@code port}, {@code hosts} (one line per host and address: its verdict, the protocol, the
 * certificate's summary and days left) and {@code notChecked} (hosts beyond {@code max-hosts}).
 * Gauge (for {@code preflight serve}): {@code tls_certificate_expiry_timestamp_seconds} with the
 * label {@code host}, the soonest expiry among the host's addresses.
 *
 * <p>A network that intercepts outbound port 25 and answers itself would be judged in the MX's
 * place; the certificate's name then fails, which the details show.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.3
 */
public final class MxStartTlsProbe implements Probe {
    private static final int SMTP_PORT = 25;
    private static final int DEFAULT_MAX_HOSTS = 10;

    @Override
    public String id() {
        return "smtp.mx-starttls";
    }

    @Override
    public String title() {
        return "Every MX host offers STARTTLS on port 25 with a valid certificate";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.DOMAIN;
    }

    @Override
    public Result check(ProbeContext context) throws Exception {
        Optional<String> target = DomainNames.of(context.target());
        if (target.isEmpty()) {
            return Result.skip("the target names no domain");
        }
        String domain = target.get();
        // The documentation and placeholder names only: a .test domain resolves nowhere but where a
        // private DNS server serves it, so it is never somebody else's.
        Optional<String> template = TemplateHosts.reason(domain, new Stage("development"));
        if (template.isPresent()) {
            return Result.skip(template.get() + ": its mail hosts, if any, are not the application's");
        }
        int port = context.settings().integer("port", SMTP_PORT);
        if (port < 1 || port > 65_535) {
            throw context.settings().invalid("port", "must be a port from 1 to 65535");
        }
        int maxHosts = context.settings().positiveInteger("max-hosts", DEFAULT_MAX_HOSTS);

        DnsAnswer answer = Network.of(context).resolver().mx(domain);
        if (answer.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
            return ServerFailures.error(answer);
        }
        MailHosts mail = MailHosts.of(domain, answer);
        switch (mail.source()) {
            case NULL_MX:
                return Result.skip(domain + " has a null MX: the domain accepts no mail (RFC 7505)");
            case NO_SUCH_DOMAIN:
                return Result.builder(Status.FAIL).subject(domain)
                        .summary(domain + " does not exist in DNS (NXDOMAIN): mail to it bounces")
                        .remediation("Register the domain or fix its delegation, then publish MX records.").build();
            default:
                break;
        }
        List<String> hosts = mail.hosts().subList(0, Math.min(maxHosts, mail.hosts().size()));
        List<String> unchecked = mail.hosts().subList(hosts.size(), mail.hosts().size());

        // Look-ups first, each with its share, so the connections then share out what is left.
        TimeShares lookups = new TimeShares(context, hosts.size());
        List<MxAddresses> found = new ArrayList<>();
        for (String host : hosts) {
            found.add(MxAddresses.lookUp(Network.of(lookups.next()), host, port));
        }
        if (mail.source() == MailHosts.Source.IMPLICIT_MX && found.get(0).problem() != null
                && found.get(0).problem().status() == Status.FAIL) {
            return Result.builder(Status.FAIL).subject(domain)
                    .summary(domain + " has neither an MX record nor an address: mail to it bounces")
                    .remediation("Publish MX records for " + domain + " pointing at your mail provider's hosts, or,"
                            + " if it takes no mail, a null MX: '" + domain + ". MX 0 .' (RFC 7505).")
                    .build();
        }
        int addresses = found.stream().mapToInt(f -> f.addresses().size()).sum();
        TimeShares talks = new TimeShares(context, addresses);
        List<MxVerdict> verdicts = new ArrayList<>();
        for (MxAddresses host : found) {
            if (host.problem() != null) {
                verdicts.add(host.problem());
            }
            for (InetAddress address : host.addresses()) {
                verdicts.add(MxStartTls.check(Network.of(talks.next()), host.host(), address, port));
            }
        }
        return MxVerdicts.fold(domain, mail, unchecked, port, verdicts);
    }
}
