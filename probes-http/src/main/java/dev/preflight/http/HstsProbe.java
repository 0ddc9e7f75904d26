package dev.preflight.http;

import dev.preflight.http.internal.Finding;
import dev.preflight.http.internal.HstsPolicy;
import dev.preflight.http.internal.MalformedHeaderException;
import dev.preflight.http.internal.Page;
import dev.preflight.http.internal.PerAddress;
import dev.preflight.http.internal.Site;
import dev.preflight.net.Network;
import dev.preflight.net.NetworkFailures;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.IpAddresses;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * {@code http.hsts}: the site's HTTPS answer carries one well-formed {@code Strict-Transport-Security}
 * header whose {@code max-age} keeps browsers on HTTPS long enough.
 *
 * <p>The header is read as RFC 6797 section 6.1 says a browser reads it (directive names without
 * case, token or quoted values, {@code max-age} required, no directive twice, unknown directives
 * ignored). Browsers ignore it over {@code http://} (section 8.1), so only an HTTPS answer counts:
 * for an {@code https://} target, the answer to the target URL itself (redirects not followed: a
 * redirect's header is the one that covers this host); for an {@code http://} target, the first
 * {@code https://} hop on the same host its redirect leads to, else {@code https://host/} fetched
 * directly. The certificate is not judged here ({@code tls.certificate} does).
 *
 * <p>FAIL for: no header on the HTTPS answer (also when it is sent over {@code http://} only); no
 * HTTPS answer at all for an {@code http://} target; a malformed header (the reason is given);
 * several header lines (browsers apply only the first, a sign of two layers adding it);
 * {@code max-age=0}, which tells browsers to forget HSTS; {@code max-age} under {@code warn-age}
 * ({@code 15768000} s, six months); no {@code includeSubDomains} when
 * {@code require-include-subdomains} ({@code false}) is set. WARN for {@code max-age} under
 * {@code min-age} ({@code 31536000} s, one year). PASS otherwise. SKIP for a target without an
 * {@code http(s)} URL; ERROR when the site does not answer in time.
 *
 * <p>Details: {@code maxAge}, {@code includeSubDomains}, {@code preload}, {@code preloadEligible}
 * (hstspreload.org's header rules only: one year, {@code includeSubDomains}, {@code preload}; its
 * redirect and subdomain rules are not checked, as {@code preloadNote} says) and the raw header.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class HstsProbe implements Probe {
    private static final String STS = "Strict-Transport-Security";
    private static final int ONE_YEAR = 31_536_000;
    private static final int SIX_MONTHS = 15_768_000;
    private static final String HOW = "Send Strict-Transport-Security: max-age=31536000; includeSubDomains on"
            + " every HTTPS response (nginx: add_header Strict-Transport-Security \"max-age=31536000;"
            + " includeSubDomains\" always; Apache: Header always set Strict-Transport-Security"
            + " \"max-age=31536000; includeSubDomains\").";

    @Override
    public String id() {
        return "http.hsts";
    }

    @Override
    public String title() {
        return "HTTPS answers carry a Strict-Transport-Security header with a long max-age";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.WEB;
    }

    @Override
    public Result check(ProbeContext context) throws Exception {
        Site site = Site.of(context).orElse(null);
        if (site == null) {
            return Result.skip("the target has no http:// or https:// URL");
        }
        Thresholds limits = new Thresholds(context.settings().integer("min-age", ONE_YEAR),
                context.settings().integer("warn-age", SIX_MONTHS),
                context.settings().bool("require-include-subdomains", false));
        if (limits.warnAge() > limits.minAge() || limits.warnAge() < 0) {
            throw context.settings().invalid("warn-age", "must be between 0 and http.hsts.min-age");
        }
        return PerAddress.check(site, address -> judge(site, address, limits));
    }

    private record Thresholds(int minAge, int warnAge, boolean requireIncludeSubDomains) {
    }

    private static Result judge(Site site, InetAddress address, Thresholds limits) throws Exception {
        if (site.https()) {
            return verdict(site.landing(address), limits, null);
        }
        Page http = site.landing(address);
        boolean sentOverHttp = !http.headers(STS).isEmpty();
        URI httpsUrl = httpsCounterpart(site, http);
        Page https;
        try {
            https = site.fetch(addressFor(site, httpsUrl, address), site.get(httpsUrl));
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            return Result.builder(Status.FAIL)
                    .summary("the site is not served over HTTPS, so HSTS cannot apply: "
                            + NetworkFailures.describe(e, httpsUrl.toString()))
                    .remediation("Serve the site over HTTPS, redirect http:// to it, then " + lowerFirst(HOW))
                    .detail("url", httpsUrl.toString()).detail("sentOverHttp", sentOverHttp).build();
        }
        return verdict(https, limits, sentOverHttp);
    }

    /** Where the site's own redirect leads, if that is HTTPS on the same host; else the default port. */
    private static URI httpsCounterpart(Site site, Page http) {
        Optional<URI> next = http.location();
        if (next.isPresent() && "https".equalsIgnoreCase(next.get().getScheme())
                && site.host().equalsIgnoreCase(next.get().getHost())) {
            return next.get();
        }
        URI url = site.url();
        return URI.create("https://" + IpAddresses.forUrl(site.host()) + url.getRawPath()
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
    }

    /** The node being checked when the name's HTTPS addresses include it, else the first of them. */
    private static InetAddress addressFor(Site site, URI url, InetAddress current) throws Exception {
        List<InetAddress> addresses = Network.of(site.context()).addresses(url.getHost(), Site.port(url));
        return addresses.contains(current) ? current : addresses.get(0);
    }

    private static Result verdict(Page page, Thresholds limits, Boolean sentOverHttp) {
        List<String> values = page.headers(STS);
        Result.Builder result;
        if (values.isEmpty()) {
            String where = Boolean.TRUE.equals(sentOverHttp) ? " (it is sent over http:// only, where browsers"
                    + " ignore it)" : "";
            result = Result.builder(Status.FAIL).summary("no Strict-Transport-Security header on " + page.url() + where)
                    .remediation(HOW);
        } else {
            result = judgeHeader(values, limits);
            result.detail("header", values.get(0));
            if (values.size() > 1) {
                result.detail("headers", values);
            }
        }
        return result.subject(page.url().toString()).detail("url", page.url().toString())
                .detail("sentOverHttp", sentOverHttp).build();
    }

    private static Result.Builder judgeHeader(List<String> values, Thresholds limits) {
        HstsPolicy policy;
        try {
            policy = HstsPolicy.parse(values.get(0));
        } catch (MalformedHeaderException e) {
            return Result.builder(Status.FAIL)
                    .summary("Strict-Transport-Security is malformed, so browsers ignore it: " + e.getMessage())
                    .remediation("Fix the header's syntax. " + HOW);
        }
        List<Finding> findings = findings(policy, values.size(), limits);
        Status status = findings.stream().map(Finding::status).max(Comparator.comparingInt(Status::severity))
                .orElse(Status.PASS);
        Result.Builder result = Result.builder(status);
        if (findings.isEmpty()) {
            result.summary("HSTS max-age=" + policy.maxAge() + " (" + days(policy.maxAge()) + ")"
                    + (policy.includeSubDomains() ? " with includeSubDomains" : ""));
        } else {
            List<Finding> worst = findings.stream().filter(f -> f.status() == status).toList();
            int more = findings.size() - 1;
            result.summary(worst.get(0).summary() + (more > 0 ? " (and " + more + " more problem"
                    + (more > 1 ? "s" : "") + ")" : ""));
            result.remediation(String.join(" ", new LinkedHashSet<>(findings.stream().map(Finding::remediation)
                    .toList())));
            result.detail("problems", findings.stream().map(Finding::summary).toList());
        }
        boolean eligible = policy.maxAge() >= ONE_YEAR && policy.includeSubDomains() && policy.preload();
        result.detail("maxAge", policy.maxAge()).detail("includeSubDomains", policy.includeSubDomains())
                .detail("preload", policy.preload()).detail("preloadEligible", eligible)
                .detail("preloadNote", "judged on the header only; hstspreload.org also requires http:// to"
                        + " redirect to https:// on the same host and every subdomain to serve HTTPS");
        if (!policy.ignoredDirectives().isEmpty()) {
            result.detail("ignoredDirectives", policy.ignoredDirectives());
        }
        return result;
    }

    private static List<Finding> findings(HstsPolicy policy, int lines, Thresholds limits) {
        List<Finding> findings = new ArrayList<>();
        if (lines > 1) {
            findings.add(new Finding(Status.FAIL, lines + " Strict-Transport-Security headers; browsers apply"
                    + " only the first", "Send the header once: it is likely added both by the application and"
                    + " by a proxy or CDN in front of it; keep one of them."));
        }
        long age = policy.maxAge();
        if (age == 0) {
            findings.add(new Finding(Status.FAIL, "max-age=0 tells browsers to forget HSTS for this host", HOW));
        } else if (age < limits.warnAge()) {
            findings.add(new Finding(Status.FAIL, "HSTS max-age=" + age + " (" + days(age) + ") is under "
                    + limits.warnAge() + " s", HOW));
        } else if (age < limits.minAge()) {
            findings.add(new Finding(Status.WARN, "HSTS max-age=" + age + " (" + days(age) + ") is under "
                    + limits.minAge() + " s", HOW));
        }
        if (limits.requireIncludeSubDomains() && !policy.includeSubDomains()) {
            findings.add(new Finding(Status.FAIL, "HSTS has no includeSubDomains, which this target requires",
                    "Add includeSubDomains once every subdomain serves HTTPS. " + HOW));
        }
        return findings;
    }

    private static String days(long seconds) {
        long days = seconds / 86_400;
        return days == 1 ? "1 day" : days + " days";
    }

    private static String lowerFirst(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
