package dev.preflight.http;

import dev.preflight.http.internal.Finding;
import dev.preflight.http.internal.Nodes;
import dev.preflight.http.internal.Page;
import dev.preflight.http.internal.Site;
import dev.preflight.http.internal.SitePaths;
import dev.preflight.http.internal.TwinRedirect;
import dev.preflight.http.internal.Verdicts;
import dev.preflight.http.internal.WwwApexNames;
import dev.preflight.net.CertificateVerdict;
import dev.preflight.net.Network;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.IpAddresses;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code http.www-apex}: a site's {@code www.} name and its zone apex both work, one redirecting
 * permanently to the other over {@code https://}, keeping the path, each with a valid certificate.
 * Visitors type either; one canonical name keeps search ranking, cookies and HSTS in one place.
 *
 * <p>The target's host must be {@code www.X} or a zone apex {@code X} (it owns an SOA record, asked
 * through the run's resolver); any other host ({@code app.example.com}) or an IP address is a SKIP
 * with the reason. The canonical name is the setting {@code canonical} ({@code www} or
 * {@code apex}); by default the target's own name, unless the target's name itself redirects to the
 * other one, which is then taken as canonical (noted in {@code canonicalFrom}). The probe resolves
 * both names, asks the canonical name for the target's path and the other for the same path (or
 * {@code /preflight-path-check} when the target's path is {@code /}, so that a redirect that drops
 * the path shows), one request each at the name's first address, and judges each name's certificate
 * as {@code tls.certificate} does.
 *
 * <p>PASS: the other name answers 301 or 308 with {@code https://CANONICAL/same-path} and both
 * certificates pass. WARN: a 302, 307 or 303; a redirect to {@code http://}; a redirect that drops
 * the path or stays on the other name; the other name serving content itself (duplicate content: the
 * remediation gives the redirect); a certificate expiring within {@code warn-days}. FAIL: either
 * name does not resolve (visitors typing it get nothing) or refuses connections on the port; the
 * other name answers an error status or redirects to a third host; a certificate that fails
 * {@code tls.certificate}'s judgement for its name (untrusted, wrong name, expired…). SKIP for
 * {@code http://} targets ({@code http.https-redirect} judges plain HTTP). ERROR when a name cannot
 * be resolved or asked in time, or the SOA question fails.
 *
 * <p>Settings: {@code canonical} ({@code www} or {@code apex}; default as above); {@code warn-days}
 * (30) and {@code fail-days} (7) for the certificates, as {@code tls.certificate}'s.
 *
 * <p>Details: {@code www}, {@code apex}, {@code canonical}, {@code canonicalFrom}, {@code path},
 * {@code redirect} (the other name's status and Location), {@code problems}, {@code notes}.
 * Stateless and thread-safe.
 *
 * @since 0.4
 */
public final class WwwApexProbe implements Probe {
    private static final String PATH_CHECK = "/preflight-path-check";

    @Override
    public String id() {
        return "http.www-apex";
    }

    @Override
    public String title() {
        return "www and apex names both work, one redirecting permanently to the other";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.WEB;
    }

    @Override
    public Result check(ProbeContext context) throws Exception {
        Site site = Site.of(context).orElse(null);
        if (site == null || !site.https()) {
            return Result.skip("not an https:// URL; http.https-redirect judges plain HTTP");
        }
        String setting = context.settings().string("canonical").map(s -> s.strip().toLowerCase(Locale.ROOT)).orElse(null);
        if (setting != null && !setting.equals("www") && !setting.equals("apex")) {
            throw context.settings().invalid("canonical", "must be www or apex, got '" + setting + "'");
        }
        if (IpAddresses.isLiteral(site.host())) {
            return Result.skip(site.host() + " is an IP address, which has no www or apex name");
        }
        WwwApexNames.Found found = WwwApexNames.of(site.host(), Network.of(context).resolver());
        if (found instanceof WwwApexNames.Neither neither) {
            return Result.skip(neither.reason());
        }
        WwwApexNames names = ((WwwApexNames.Pair) found).names();
        return judge(site, names, setting);
    }

    private static Result judge(Site site, WwwApexNames names, String setting) throws Exception {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("www", names.www());
        details.put("apex", names.apex());
        List<Finding> findings = new ArrayList<>();
        String own = site.host().endsWith(".") ? site.host().substring(0, site.host().length() - 1) : site.host();
        String twin = names.other(own);
        InetAddress ownAddress = resolve(site, own, findings);
        // The twin is resolved beside the target's first address, which must exist first.
        InetAddress twinAddress = ownAddress == null ? null : resolve(site, twin, findings);
        if (ownAddress == null || twinAddress == null) {
            return verdict(site, findings, details, "");
        }
        String targetPath = site.url().getRawPath() == null || site.url().getRawPath().isEmpty() ? "/"
                : site.url().getRawPath();
        String path = targetPath.equals("/") ? PATH_CHECK : targetPath;
        Page ownPage = fetch(site, ownAddress, own, path, findings);
        String canonical;
        if (setting != null) {
            canonical = setting.equals("www") ? names.www() : names.apex();
            details.put("canonicalFrom", "the setting canonical");
        } else if (ownPage != null && redirectsTo(ownPage, twin)) {
            canonical = twin;
            details.put("canonicalFrom", "the target's own redirect to " + twin);
        } else {
            canonical = own;
            details.put("canonicalFrom", "the target's name");
        }
        String other = names.other(canonical);
        details.put("canonical", canonical);
        details.put("path", path);
        Page twinPage = fetch(site, twinAddress, twin, path, findings);
        Page canonicalPage = canonical.equals(own) ? ownPage : twinPage;
        Page otherPage = canonical.equals(own) ? twinPage : ownPage;
        if (canonicalPage != null && redirectsTo(canonicalPage, other)) {
            findings.add(new Finding(Status.FAIL, "the canonical name " + canonical + " redirects to " + other
                    + " itself", "Choose one canonical name: set http.www-apex.canonical to the one the other"
                    + " redirects to, and make only the other redirect."));
        }
        if (otherPage != null) {
            findings.addAll(TwinRedirect.judge(otherPage, other, canonical, path));
            details.put("redirect", otherPage.status() + otherPage.location().map(l -> " -> " + SitePaths.shown(l))
                    .orElse(""));
        }
        certificate(site, canonical, canonicalPage, findings);
        certificate(site, other, otherPage, findings);
        return verdict(site, findings, details, "both " + names.www() + " and " + names.apex() + " work and "
                + other + " redirects permanently to " + canonical);
    }

    private static InetAddress resolve(Site site, String name, List<Finding> findings) throws Exception {
        try {
            URI url = new URI("https", null, name, site.port(), "/", null, null);
            return Nodes.addressFor(site, site.addresses().get(0), url);
        } catch (UnknownHostException e) {
            findings.add(new Finding(Status.FAIL, name + " does not resolve (" + e.getMessage() + "): visitors typing it"
                    + " get nothing", "Give " + name + " the site's addresses (an A/AAAA record; at the apex an"
                    + " ALIAS/ANAME or the CDN's apex records, since a CNAME is not allowed there) and redirect it"
                    + " to the canonical name."));
            return null;
        }
    }

    private static Page fetch(Site site, InetAddress address, String name, String path, List<Finding> findings)
            throws Exception {
        URI url = new URI("https", null, name, site.port(), path, null, null);
        try {
            return site.fetch(address, site.get(url));
        } catch (ConnectException e) {
            findings.add(new Finding(Status.FAIL, "https://" + name + ":" + site.port() + " refuses connections ("
                    + address.getHostAddress() + "): visitors typing " + name + " get nothing", "Serve " + name
                    + " over HTTPS on the site's servers, redirecting to the canonical name."));
            return null;
        }
    }

    private static void certificate(Site site, String name, Page page, List<Finding> findings) {
        if (page == null || page.tls() == null) {
            return;
        }
        if (page.tls().chain().isEmpty()) {
            findings.add(new Finding(Status.FAIL, "https://" + name + " sends no certificate", "Configure a certificate"
                    + " for " + name + "."));
            return;
        }
        CertificateVerdict verdict = Network.of(site.context()).tls().judge(name, page.tls().chain());
        if (verdict.status() != Status.PASS) {
            Result judged = verdict.toResult(name);
            findings.add(new Finding(verdict.status(), "the certificate for " + name + ": " + judged.summary(),
                    judged.remediation().orElse(null)));
        }
    }

    private static boolean redirectsTo(Page page, String host) {
        return page.location().map(URI::getHost).map(h -> h.toLowerCase(Locale.ROOT).replaceAll("\\.$", ""))
                .filter(host::equals).isPresent();
    }

    private static Result verdict(Site site, List<Finding> findings, Map<String, Object> details, String pass) {
        Result.Builder result = Verdicts.of(findings, pass);
        if (findings.stream().allMatch(f -> f.status() == Status.PASS) && !pass.isEmpty()) {
            result.summary(pass);
        }
        details.forEach(result::detail);
        return result.subject(site.endpoint()).build();
    }
}
