package dev.preflight.http;

import dev.preflight.http.internal.ContentSecurityPolicy;
import dev.preflight.http.internal.HeaderFinding;
import dev.preflight.http.internal.ObservatoryGrade;
import dev.preflight.http.internal.Page;
import dev.preflight.http.internal.PerAddress;
import dev.preflight.http.internal.SecurityHeaderRules;
import dev.preflight.http.internal.Site;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.ProbeSettings;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code http.security-headers}: the document the target URL leads to (redirects followed) carries
 * the headers that make browsers defend it: a Content-Security-Policy that restricts scripts, frame
 * protection, {@code X-Content-Type-Options: nosniff} and a Referrer-Policy.
 *
 * <p>FAIL when any site may frame an HTML document: neither {@code X-Frame-Options} (DENY or
 * SAMEORIGIN) nor CSP {@code frame-ancestors} (clickjacking needs no other bug, and the Observatory
 * weighs it almost as heavily as a missing CSP); for a non-HTML document that is only a WARN. WARN
 * for: no enforced CSP ({@code Content-Security-Policy-Report-Only} enforces nothing and does not
 * count); a CSP whose script directive ({@code script-src}, else {@code default-src}) is missing or
 * allows {@code 'unsafe-inline'} (without nonce or hash), {@code 'unsafe-eval'}, {@code *} or a bare
 * {@code http:}, {@code https:} or {@code data:}: several CSP headers are enforced together, so a
 * problem counts only when every policy has it; {@code X-Content-Type-Options} missing or not
 * {@code nosniff}; {@code Referrer-Policy} missing, unrecognised, or {@code unsafe-url},
 * {@code origin}, {@code origin-when-cross-origin}. PASS otherwise. {@code X-XSS-Protection} is only
 * reported (browsers dropped it). A CSP in a {@code <meta>} element is not read. SKIP for a target
 * without an {@code http(s)} URL; ERROR when the site does not answer.
 *
 * <p>Details carry an Observatory-style {@code score} and {@code grade}: 100, minus for each header
 * the largest of its penalties: CSP missing 25, scripts unrestricted, inline or from any host 20,
 * {@code 'unsafe-eval'} 10; framing unprotected 20; {@code X-Content-Type-Options} 5;
 * {@code Referrer-Policy} unsafe or unrecognised 5, missing 0 (as the Observatory, since browsers
 * default to {@code strict-origin-when-cross-origin}); never below 0; graded on the Observatory's
 * chart (100 A+, 90 A, … below 25 F). There are no bonuses.
 *
 * <p>Setting: {@code ignore} (none), a comma-separated list of the header names above not to judge
 * ({@code X-Frame-Options} also waives {@code frame-ancestors}); a waived header costs no points.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class SecurityHeadersProbe implements Probe {
    private static final List<String> JUDGED = List.of(SecurityHeaderRules.CSP, SecurityHeaderRules.XFO,
            SecurityHeaderRules.XCTO, SecurityHeaderRules.REFERRER);

    @Override
    public String id() {
        return "http.security-headers";
    }

    @Override
    public String title() {
        return "Pages carry a Content-Security-Policy, frame protection, nosniff and a Referrer-Policy";
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
        Set<String> ignored = ignored(context.settings());
        return PerAddress.check(site, address -> judge(site.document(address), ignored));
    }

    private static Set<String> ignored(ProbeSettings settings) {
        Set<String> ignored = new LinkedHashSet<>();
        for (String name : settings.list("ignore")) {
            String known = JUDGED.stream().filter(h -> h.equalsIgnoreCase(name)).findFirst().orElseThrow(() ->
                    settings.invalid("ignore", "names \"" + name + "\", which is not one of "
                            + String.join(", ", JUDGED)));
            ignored.add(known);
        }
        return ignored;
    }

    private static Result judge(Page page, Set<String> ignored) {
        List<ContentSecurityPolicy> policies = ContentSecurityPolicy.parseAll(page.headers(SecurityHeaderRules.CSP));
        boolean reportOnly = !page.headers("Content-Security-Policy-Report-Only").isEmpty();
        List<HeaderFinding> findings = new ArrayList<>();
        if (!ignored.contains(SecurityHeaderRules.CSP)) {
            findings.addAll(SecurityHeaderRules.csp(policies, reportOnly));
        }
        if (!ignored.contains(SecurityHeaderRules.XFO)) {
            findings.addAll(SecurityHeaderRules.framing(page.headers(SecurityHeaderRules.XFO), policies, isHtml(page)));
        }
        if (!ignored.contains(SecurityHeaderRules.XCTO)) {
            findings.addAll(SecurityHeaderRules.nosniff(page.headers(SecurityHeaderRules.XCTO)));
        }
        if (!ignored.contains(SecurityHeaderRules.REFERRER)) {
            findings.addAll(SecurityHeaderRules.referrer(page.headers(SecurityHeaderRules.REFERRER)));
        }
        findings.sort(Comparator.comparingInt((HeaderFinding f) -> f.status().severity()).reversed());
        int score = score(findings);
        Status status = findings.isEmpty() ? Status.PASS : findings.get(0).status();
        Result.Builder result = Result.builder(status).subject(page.url().toString());
        String grade = ObservatoryGrade.of(score);
        if (findings.isEmpty()) {
            result.summary((ignored.isEmpty() ? "security headers in place" : "security headers in place ("
                    + String.join(", ", ignored) + " not judged)") + "; score " + score + " (" + grade + ")");
        } else {
            int more = findings.size() - 1;
            result.summary(findings.get(0).summary() + (more > 0 ? " (and " + more + " more problem"
                    + (more > 1 ? "s" : "") + ")" : "") + "; score " + score + " (" + grade + ")");
            result.remediation(String.join(" ", new LinkedHashSet<>(findings.stream().map(HeaderFinding::remediation)
                    .toList())));
            result.detail("problems", findings.stream().map(HeaderFinding::summary).toList());
        }
        result.detail("url", page.url().toString()).detail("httpStatus", page.status())
                .detail("score", score).detail("grade", grade);
        headerDetails(page, policies, result);
        if (!ignored.isEmpty()) {
            result.detail("ignored", List.copyOf(ignored));
        }
        return result.build();
    }

    /** Per header, only its worst penalty counts, as in the Observatory's one-result-per-test scoring. */
    private static int score(List<HeaderFinding> findings) {
        Map<String, Integer> worst = new LinkedHashMap<>();
        findings.forEach(f -> worst.merge(f.header(), f.penalty(), Math::max));
        return Math.max(0, 100 - worst.values().stream().mapToInt(Integer::intValue).sum());
    }

    private static void headerDetails(Page page, List<ContentSecurityPolicy> policies, Result.Builder result) {
        Function<String, String> joined = name -> page.headers(name).isEmpty() ? null
                : String.join(", ", page.headers(name));
        result.detail("contentSecurityPolicy", page.headers(SecurityHeaderRules.CSP).isEmpty() ? null
                : page.headers(SecurityHeaderRules.CSP));
        result.detail("contentSecurityPolicyReportOnly", page.headers("Content-Security-Policy-Report-Only").isEmpty()
                ? null : page.headers("Content-Security-Policy-Report-Only"));
        List<String> cspIgnored = policies.stream().flatMap(p -> p.ignored().stream()).toList();
        result.detail("cspIgnoredDirectives", cspIgnored.isEmpty() ? null : cspIgnored);
        result.detail("xFrameOptions", joined.apply(SecurityHeaderRules.XFO));
        result.detail("xContentTypeOptions", joined.apply(SecurityHeaderRules.XCTO));
        result.detail("referrerPolicy", joined.apply(SecurityHeaderRules.REFERRER));
        result.detail("xXssProtection", joined.apply("X-XSS-Protection"));
    }

    private static boolean isHtml(Page page) {
        String type = page.mediaType().toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.equals("text/html") || type.equals("application/xhtml+xml");
    }
}
