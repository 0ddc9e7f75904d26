package dev.preflight.email.internal.align;

import dev.preflight.email.internal.align.RelayProvider.Envelope;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The relay providers Preflight recognises by their submission host, each with the SPF include its
 * own documentation gives. Hosts not listed here are judged by their own addresses. Each entry names
 * its source; an entry whose include could not be found in public documentation is left out.
 */
public final class RelayProviders {
    private static final Map<Pattern, RelayProvider> KNOWN = known();

    private RelayProviders() {
    }

    private static Map<Pattern, RelayProvider> known() {
        return Map.ofEntries(
                // support.sendgrid.com "DNS: setting the SPF record": add include:sendgrid.net.
                entry("smtp\\.sendgrid\\.net", "SendGrid", "sendgrid.net", Envelope.PROVIDER),
                // mailgun.com blog "White labeling DNS records": v=spf1 include:mailgun.org ~all.
                entry("smtp\\.mailgun\\.org", "Mailgun", "mailgun.org", Envelope.PROVIDER),
                // docs.aws.amazon.com/ses "Authenticating email with SPF": a custom MAIL FROM domain publishes
                // include:amazonses.com; the SMTP endpoints are email-smtp.<region>.amazonaws.com.
                entry("email-smtp\\.[a-z0-9-]+\\.amazonaws\\.com", "Amazon SES", "amazonses.com",
                        Envelope.PROVIDER),
                // Postmark's SPF guide (quoted by sendmarc.com/spf/spf-postmark): include:spf.mtasv.net.
                entry("smtp\\.postmarkapp\\.com", "Postmark", "spf.mtasv.net", Envelope.PROVIDER),
                // Google Workspace Admin Help "Set up SPF" (quoted by intodns.ai, mimecast.com):
                // include:_spf.google.com.
                entry("smtp(-relay)?\\.gmail\\.com", "Google Workspace", "_spf.google.com", Envelope.FROM_DOMAIN),
                // Microsoft 365 SPF set-up (quoted by emailauth.io, mailermonk.com):
                // include:spf.protection.outlook.com.
                entry("smtp\\.office365\\.com", "Microsoft 365", "spf.protection.outlook.com", Envelope.FROM_DOMAIN),
                // documentation.mailjet.com "Authenticating domains with SPF and DKIM": include:spf.mailjet.com.
                entry("in-v3\\.mailjet\\.com", "Mailjet", "spf.mailjet.com", Envelope.PROVIDER),
                // developers.sparkpost.com/api/smtp (hosts) and sparkpost.com "SPF" (include:sparkpostmail.com).
                entry("smtp(\\.eu)?\\.sparkpostmail\\.com", "SparkPost", "sparkpostmail.com", Envelope.PROVIDER),
                // Zoho Mail Help "SPF configuration" (quoted by spfcreator.com): include:zoho.com (US),
                // include:zoho.eu (EU data centre).
                entry("smtp\\.zoho\\.com", "Zoho Mail", "zoho.com", Envelope.FROM_DOMAIN),
                entry("smtp\\.zoho\\.eu", "Zoho Mail (EU)", "zoho.eu", Envelope.FROM_DOMAIN),
                // resend.com/docs/send-with-smtp (host) and dmarc.wiki/resend: SPF include:amazonses.com on the
                // send.<domain> subdomain, which Resend uses as the envelope domain.
                Map.entry(Pattern.compile("smtp\\.resend\\.com"),
                        new RelayProvider("Resend", "amazonses.com", Envelope.SUBDOMAIN, Optional.of("send"))));
    }

    private static Map.Entry<Pattern, RelayProvider> entry(String host, String name, String include,
            Envelope envelope) {
        return Map.entry(Pattern.compile(host), new RelayProvider(name, include, envelope, Optional.empty()));
    }

    /**
     * @param host a submission host name, any case
     * @return the provider it belongs to, if Preflight knows it
     */
    public static Optional<RelayProvider> forHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        String bare = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
        return KNOWN.entrySet().stream().filter(e -> e.getKey().matcher(bare).matches()).map(Map.Entry::getValue)
                .findFirst();
    }
}
