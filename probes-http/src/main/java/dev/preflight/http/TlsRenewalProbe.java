package dev.preflight.http;

import dev.preflight.http.internal.IssuerLifetimes;
import dev.preflight.http.internal.PerAddress;
import dev.preflight.http.internal.RenewalSchedule;
import dev.preflight.http.internal.ServedChain;
import dev.preflight.http.internal.Site;
import dev.preflight.probe.Gauge;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.net.InetAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tls.renewal}: the certificate an HTTPS site serves is being renewed on schedule, not merely
 * "not expired yet". It judges the served leaf's age against its own lifetime (notBefore to notAfter),
 * so a stalled renewal shows weeks before {@code tls.certificate}'s expiry thresholds would.
 *
 * <p>The renewal point: a certificate of at most 100 days, or from an issuer that issues through
 * ACME (Let's Encrypt, ZeroSSL, Google Trust Services, Buypass), is renewed automatically once a
 * third of its lifetime is left, half for lifetimes under ten days (certbot's rule): a 90-day
 * certificate at 60 days of age, a 45-day one at 30, a 6-day one at 3. One day's grace (a twentieth
 * of the lifetime for short ones) allows for a renewal job that runs once or twice a day. A longer
 * certificate from another CA is taken as renewed by hand, and its renewal point is {@code warn-days}
 * before expiry, as {@code tls.certificate} warns: a healthy 300-day-old 398-day certificate passes,
 * with a note that public certificates issued since 2026-03-15 last at most 200 days (CA/Browser
 * Forum ballot SC-081v3) and need automation.
 *
 * <p>PASS: the certificate is younger than its renewal point. WARN: it is past its renewal point
 * (renewal has stalled, or a renewed certificate was never loaded by the server); for a
 * certificate renewed by hand, fewer than {@code warn-days} days left. FAIL: the certificate has
 * expired (renewal did not happen), is not yet valid (a clock or deployment fault; clients reject it
 * as {@code tls.certificate} reports), or has an empty validity period. SKIP for {@code http://}
 * targets. ERROR when the server cannot be reached or the handshake fails or times out. Trust, host
 * name and key strength are {@code tls.certificate}'s; every address of the host is checked and the
 * worst named. The chain comes from the handshake the site's probes share: no handshake of its own.
 *
 * <p>Settings: {@code warn-days} (30), the renewal point of certificates renewed by hand.
 *
 * <p>Details: {@code issuer}, {@code issuerTypicalLifetime} (for known CAs), {@code lifetimeDays},
 * {@code ageDays}, {@code daysLeft}, {@code notBefore}, {@code notAfter}, {@code renewalDue},
 * {@code renewal} ({@code automated} or {@code manual}). Gauge: {@value #NOT_BEFORE_GAUGE}, the
 * leaf's notBefore, whose age a dashboard can alert on. Stateless and thread-safe.
 *
 * @since 0.4
 */
public final class TlsRenewalProbe implements Probe {
    /** The leaf's notBefore, in seconds since the epoch. */
    public static final String NOT_BEFORE_GAUGE = "tls_certificate_not_before_timestamp_seconds";
    private static final String STALLED_HOW = "Check the renewal job and its log (certbot: certbot renew --dry-run and"
            + " systemctl list-timers; cert-manager: kubectl describe certificate; Caddy/Traefik: their log), then"
            + " make sure the server loads the new certificate (nginx -s reload or a certbot deploy hook): a renewed"
            + " certificate on disk that the server never loaded looks stalled from outside.";

    @Override
    public String id() {
        return "tls.renewal";
    }

    @Override
    public String title() {
        return "TLS certificate renewal is working, not just unexpired";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.WEB;
    }

    @Override
    public Result check(ProbeContext context) throws Exception {
        Site site = Site.of(context).orElse(null);
        if (site == null || !site.https()) {
            return Result.skip("not an https:// URL, so there is no certificate to check");
        }
        int warnDays = context.settings().integer("warn-days", 30);
        if (warnDays < 0) {
            throw context.settings().invalid("warn-days", "must not be negative, got " + warnDays);
        }
        return PerAddress.check(site, address -> judge(site, address, warnDays));
    }

    private static Result judge(Site site, InetAddress address, int warnDays) throws Exception {
        ServedChain served = ServedChain.of(site, address);
        if (served.chain().isEmpty()) {
            return Result.fail(site.endpoint() + " sent no certificate", "Configure a certificate for " + site.host() + ".");
        }
        X509Certificate leaf = served.chain().get(0);
        Instant notBefore = leaf.getNotBefore().toInstant();
        Instant notAfter = leaf.getNotAfter().toInstant();
        Instant now = site.context().clock().instant();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("issuer", IssuerLifetimes.organization(leaf));
        facts.put("notBefore", notBefore.toString());
        facts.put("notAfter", notAfter.toString());
        IssuerLifetimes.Profile profile = IssuerLifetimes.of(leaf).orElse(null);
        if (profile != null) {
            facts.put("issuerTypicalLifetime", profile.name() + ": " + profile.typical());
        }
        if (served.note() != null) {
            facts.put("handshake", served.note());
        }
        if (!notAfter.isAfter(notBefore)) {
            return verdict(Status.FAIL, site, leaf, facts, "the certificate's validity period is empty (notAfter " + notAfter
                    + " is not after notBefore " + notBefore + ")", "Replace the certificate with one issued correctly by a CA.");
        }
        RenewalSchedule schedule = RenewalSchedule.of(notBefore, notAfter, profile != null && profile.acme(), warnDays);
        long lifetime = RenewalSchedule.days(schedule.lifetime());
        long daysLeft = Duration.between(now, notAfter).toDays();
        facts.put("lifetimeDays", lifetime);
        facts.put("daysLeft", daysLeft);
        facts.put("renewalDue", schedule.due().toString());
        facts.put("renewal", schedule.automated() ? "automated" : "manual");
        if (now.isBefore(notBefore)) {
            return verdict(Status.FAIL, site, leaf, facts, "the certificate is not valid until " + date(notBefore)
                    + ", so clients reject it and its renewal cannot be judged", "Check the clock of the machine that"
                    + " requested the certificate and of the server, and serve a certificate that is valid now.");
        }
        long age = Duration.between(notBefore, now).toDays();
        facts.put("ageDays", age);
        String certificate = "the " + lifetime + "-day certificate";
        if (!now.isBefore(notAfter)) {
            return verdict(Status.FAIL, site, leaf, facts, certificate + " expired on " + date(notAfter)
                    + ": it was not renewed (due " + date(schedule.due()) + ")",
                    "Renew the certificate now and reload the server. " + STALLED_HOW);
        }
        if (schedule.overdue(now)) {
            String summary = schedule.automated()
                    ? certificate + " is " + age + " days old, past its renewal point on " + date(schedule.due())
                            + " (" + daysLeft + " days left): automated renewal looks stalled"
                    : certificate + " has " + daysLeft + " days left and has not been replaced (renewal was due on "
                            + date(schedule.due()) + ")";
            return verdict(Status.WARN, site, leaf, facts, summary, schedule.automated() ? STALLED_HOW
                    : "Renew the certificate now and reload the server; better, automate renewal with ACME"
                            + " (certbot, Caddy, cert-manager), since public certificates now last at most 200 days.");
        }
        List<String> notes = new ArrayList<>();
        if (!schedule.automated()) {
            notes.add("a " + lifetime + "-day certificate, taken as renewed by hand: renew it " + warnDays
                    + " days before expiry; public certificates issued since 2026-03-15 last at most 200 days, 100 from"
                    + " 2027-03-15 (CA/Browser Forum ballot SC-081v3), so automate renewal with ACME");
        }
        if (!notes.isEmpty()) {
            facts.put("notes", notes);
        }
        return verdict(Status.PASS, site, leaf, facts, certificate + " is " + age + " days old; renewal is due on "
                + date(schedule.due()), null);
    }

    private static Result verdict(Status status, Site site, X509Certificate leaf, Map<String, Object> facts,
            String summary, String remediation) {
        Result.Builder result = Result.builder(status).subject(site.endpoint()).summary(summary);
        if (remediation != null) {
            result.remediation(remediation);
        }
        facts.forEach(result::detail);
        return result.gauge(Gauge.of(NOT_BEFORE_GAUGE, leaf.getNotBefore().toInstant().getEpochSecond(),
                "When the leaf certificate the server sends became valid, in seconds since the epoch")).build();
    }

    private static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
