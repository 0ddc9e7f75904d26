package dev.preflight.email;

import dev.preflight.dns.internal.DmarcLookup;
import dev.preflight.email.internal.SmtpEndpoint;
import dev.preflight.email.internal.align.AlignmentSettings;
import dev.preflight.email.internal.align.DkimReading;
import dev.preflight.email.internal.align.DmarcReading;
import dev.preflight.email.internal.align.FromAddress;
import dev.preflight.email.internal.align.OutboundAddresses;
import dev.preflight.email.internal.align.Part;
import dev.preflight.email.internal.align.SpfReading;
import dev.preflight.net.Network;
import dev.preflight.net.NetworkFailures;
import dev.preflight.net.Resolver;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.ProbeSettings;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.support.Stage;
import dev.preflight.support.TemplateHosts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code smtp.sender-alignment}: mail with the configured From address, submitted to the target's
 * server, can pass SPF, DKIM and DMARC for the From domain. The classic spam cause it catches: a From
 * address at one domain sent through a relay whose addresses the domain's SPF does not authorise,
 * without a DKIM key for the domain, so that DMARC cannot align.
 *
 * <p>Asks DNS only; it does not connect to the server. Three readings, the worst deciding:
 * <ul>
 * <li><b>spf</b>: RFC 7208 {@code check_host()} of the envelope domain (the From domain unless set)
 *     for each address mail leaves from: the setting {@code outbound-addresses}; for a known relay
 *     provider (SendGrid, Mailgun, Amazon SES, Postmark, Google Workspace, Microsoft 365, Mailjet,
 *     SparkPost, Zoho, Resend; or {@code provider-include}) up to 8 addresses sampled from the ranges
 *     of the SPF include it documents; else the submission host's own addresses.</li>
 * <li><b>dkim</b>: a usable key at {@code <selector>._domainkey.<From domain>}, judged as
 *     {@code dns.dkim} judges it (with relaxed alignment, under the organisational domain too).</li>
 * <li><b>dmarc</b>: the policy at {@code _dmarc.<From domain>} (else the organisational domain's)
 *     and whether SPF (an aligned envelope domain, per {@code aspf}) or DKIM (per {@code adkim}) can
 *     align.</li>
 * </ul>
 *
 * <p>Settings: {@code from} (else the target's attribute {@code from}, as env files set it, e.g.
 * {@code Shop <no-reply@shop.example>}); {@code selectors} (a comma list; else the attribute
 * {@code dkim-selectors}; else the common selectors {@code dns.dkim} tries); {@code outbound-addresses}
 * (a comma list of IP addresses mail leaves from); {@code provider-include} (the SPF include domain
 * of a relay Preflight does not know); {@code envelope-domain} (the MAIL FROM / Return-Path domain,
 * when it is not the From domain).
 *
 * <p>PASS: every outbound address gets {@code pass}, a usable DKIM key is published, and DMARC can
 * align. FAIL: a template From domain ({@code example.com}, {@code yourdomain.com}…) or a From
 * value with no address; an outbound address of a self-hosted server, a known provider or
 * {@code outbound-addresses} gets {@code fail} or {@code softfail}; no SPF record or a
 * {@code permerror}; a DKIM key that verifiers reject (revoked, unreadable, under 1024 bits); neither
 * SPF nor DKIM aligning under {@code p=quarantine} or {@code p=reject} ("mail will be rejected").
 * WARN: the submission host belongs to another organisation and its own addresses do not pass (it may
 * send from others); a relay on this machine or a private network (its public address is unknown);
 * {@code neutral}; no usable DKIM key; no DMARC record, {@code p=none}, or alignment that rests on a
 * provider's custom envelope domain not confirmed. ERROR: a DNS server failed ({@code temperror}) or
 * did not answer in time; the submission host does not resolve. SKIP: no From address configured, or
 * a target without an {@code smtp://} or {@code smtps://} URL.
 *
 * <p>Details: {@code from}, {@code fromDomain}, {@code envelopeDomain}, {@code relay},
 * {@code outbound} (stated, provider, self-hosted, unknown-relay, private), {@code outboundAddresses},
 * {@code spf}, {@code dkim}, {@code dmarc} (each a list of lines), {@code dkimKeys}, {@code parts}.
 * Stateless and thread-safe.
 *
 * @since 0.3
 */
public final class SenderAlignmentProbe extends SmtpProbe {

    @Override
    public String id() {
        return "smtp.sender-alignment";
    }

    @Override
    public String title() {
        return "Mail from the configured From address can pass SPF, DKIM and DMARC through this server";
    }

    @Override
    Result check(ProbeContext context, SmtpEndpoint endpoint) throws Exception {
        ProbeSettings settings = context.settings();
        Optional<String> written = settings.string("from").filter(f -> !f.isBlank())
                .or(() -> context.target().attribute("from").filter(f -> !f.isBlank()));
        if (written.isEmpty()) {
            return Result.skip("no From address configured (set smtp.sender-alignment.from, or SMTP_FROM, EMAIL_FROM"
                    + " or MAIL_FROM_ADDRESS in the env file)");
        }
        Optional<FromAddress> parsed = FromAddress.parse(written.get());
        if (parsed.isEmpty()) {
            return Result.builder(Status.FAIL).summary("the From address '" + written.get().strip()
                    + "' holds no address with a valid domain")
                    .remediation("Set the From address to an address at your own domain, as 'Name <local@domain>'.")
                    .build();
        }
        FromAddress from = parsed.get();
        Optional<String> template = TemplateHosts.reason(from.domain(), Stage.of(context.target()));
        if (template.isPresent()) {
            return Result.builder(Status.FAIL).subject(from.domain())
                    .summary(template.get().replace("host '", "the From domain '"))
                    .remediation("Send from an address at a domain you own and whose DNS you control.")
                    .detail("from", from.address()).build();
        }
        AlignmentSettings inputs = AlignmentSettings.read(settings, context.target(), endpoint.host(), from);
        Resolver dns = Network.of(context).resolver();
        try {
            return judge(dns, endpoint, from, inputs);
        } catch (UnknownHostException e) {
            return Result.builder(Status.ERROR).subject(from.domain()).summary(NetworkFailures.describe(e,
                    "the submission host " + endpoint.host()) + ": the addresses it sends from are unknown").cause(e)
                    .build();
        } catch (IOException e) {
            // The DNS layer's own words: which server did not answer which question before the deadline.
            String reason = e.getMessage() != null ? e.getMessage() : NetworkFailures.describe(e, dns.describe());
            return Result.builder(Status.ERROR).subject(from.domain()).summary(reason).cause(e).build();
        }
    }

    private static Result judge(Resolver dns, SmtpEndpoint endpoint, FromAddress from, AlignmentSettings in)
            throws IOException {
        DmarcLookup dmarc = DmarcLookup.find(dns, from.domain());
        boolean relaxedDkim = dmarc.record().map(r -> r.dkimAlignment().equals("r")).orElse(true);
        OutboundAddresses out = OutboundAddresses.of(dns, endpoint.host(), endpoint.port(), from.domain(),
                in.stated(), in.provider());
        SpfReading spf = SpfReading.of(dns, out, in.envelopeDomain());
        DkimReading dkim = DkimReading.of(dns, from.domain(), dmarc.organisationalDomain(), in.selectors(),
                relaxedDkim);
        boolean outboundKnown = out.kind() != OutboundAddresses.Kind.UNKNOWN_RELAY
                && out.kind() != OutboundAddresses.Kind.PRIVATE;
        DmarcReading alignment = DmarcReading.of(dmarc, new DmarcReading.Evidence(from.domain(), in.envelopeDomain(),
                in.envelopeKnown(), outboundKnown, out.relay(), spf, dkim));
        List<Part> parts = List.of(spf.part(), dkim.part(), alignment.part());

        Status status = parts.stream().map(Part::status).reduce(Status.PASS, Status::worst);
        Result.Builder result = Result.builder(status).subject(from.domain())
                .detail("from", from.address()).detail("fromDomain", from.domain())
                .detail("envelopeDomain", in.envelopeDomain()).detail("relay", out.relay())
                .detail("outbound", out.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .detail("outboundAddresses", out.addresses().stream().map(InetAddress::getHostAddress).toList())
                .detail("spf", spf.part().lines()).detail("dkim", dkim.part().lines())
                .detail("dmarc", alignment.part().lines()).detail("dkimKeys", dkim.aligned())
                .detail("parts", parts.stream().map(p -> p.name() + ": " + p.status() + " " + p.summary()).toList());
        if (status == Status.PASS) {
            return result.summary(from.domain() + " aligns through " + out.relay() + ": " + spf.part().summary() + "; "
                    + dkim.part().summary() + "; " + alignment.part().summary()).build();
        }
        // Worst first; among equals the DMARC reading, which says what receivers will do, then its causes.
        List<Part> ordered = parts.stream().filter(p -> p.status() != Status.PASS)
                .sorted(Comparator.comparingInt((Part p) -> -p.status().severity())
                        .thenComparing(p -> !p.name().equals("dmarc")))
                .toList();
        Part worst = ordered.get(0);
        List<String> others = ordered.stream().skip(1).map(p -> p.name() + " " + p.status()).toList();
        return result.summary(worst.name() + ": " + worst.summary() + (others.isEmpty() ? ""
                        : " (also " + String.join(", ", others) + ")"))
                .remediation(String.join(" ", ordered.stream().map(Part::fix).distinct().toList())).build();
    }
}
