package dev.preflight.http.internal;

import dev.preflight.probe.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules {@code http.security-headers} applies, one method per header, each reading the header
 * as a browser does. Penalties follow Mozilla's HTTP Observatory where it has one (its scoring
 * document, 2024): CSP missing 25, unsafe-inline or unrestricted scripts 20, unsafe-eval 10; framing
 * unprotected 20; X-Content-Type-Options 5; an unsafe Referrer-Policy 5, a missing one 0.
 */
public final class SecurityHeaderRules {
    /** Header names, as users write them in the {@code ignore} setting and as reports show them. */
    public static final String CSP = "Content-Security-Policy";
    /** The frame-protection header; waiving it waives CSP {@code frame-ancestors} too. */
    public static final String XFO = "X-Frame-Options";
    /** The MIME-sniffing header. */
    public static final String XCTO = "X-Content-Type-Options";
    /** The referrer header. */
    public static final String REFERRER = "Referrer-Policy";

    private static final String CSP_HINT = " (nginx: add_header Content-Security-Policy \"…\" always;"
            + " Apache: Header always set Content-Security-Policy \"…\")";
    private static final Set<String> REFERRER_POLICIES = Set.of("no-referrer", "no-referrer-when-downgrade",
            "same-origin", "origin", "strict-origin", "origin-when-cross-origin", "strict-origin-when-cross-origin",
            "unsafe-url");

    private SecurityHeaderRules() {
    }

    /**
     * A script problem counts only when every enforced policy has it: browsers enforce all of them,
     * so one strict policy is enough.
     *
     * @param policies the enforced policies
     * @param reportOnly whether a {@code Content-Security-Policy-Report-Only} header was sent
     * @return what is wrong, worst first; empty when scripts are well restricted
     */
    public static List<HeaderFinding> csp(List<ContentSecurityPolicy> policies, boolean reportOnly) {
        if (policies.isEmpty()) {
            String summary = reportOnly ? "only Content-Security-Policy-Report-Only is sent, which reports but"
                    + " enforces nothing" : "no Content-Security-Policy header";
            String remediation = reportOnly ? "Once its reports are clean, send the same policy as"
                    + " Content-Security-Policy" + CSP_HINT + "."
                    : "Send a Content-Security-Policy, e.g. default-src 'self'; object-src 'none';"
                    + " frame-ancestors 'self'" + CSP_HINT + "; try it first as Content-Security-Policy-Report-Only.";
            return List.of(new HeaderFinding(CSP, Status.WARN, summary, remediation, 25));
        }
        if (policies.stream().allMatch(p -> p.scriptDirective().isEmpty())) {
            return List.of(new HeaderFinding(CSP, Status.WARN,
                    "Content-Security-Policy does not restrict scripts (no script-src or default-src)",
                    "Add script-src 'self' (plus the hosts you load scripts from) or default-src 'self'.", 20));
        }
        List<HeaderFinding> found = new ArrayList<>();
        String inline = firstWith(policies, CspSources::allowsInline);
        if (inline != null) {
            found.add(new HeaderFinding(CSP, Status.WARN, "Content-Security-Policy allows inline scripts"
                    + " ('unsafe-inline' in " + inline + ")", "Move inline scripts and event handlers into"
                    + " files, or allow them by nonce or hash ('nonce-…', 'sha256-…') instead of"
                    + " 'unsafe-inline'.", 20));
        }
        String broad = firstWith(policies, s -> !CspSources.broad(s).isEmpty());
        if (broad != null) {
            List<String> sources = policies.stream().filter(p -> p.scriptDirective().isPresent())
                    .map(p -> CspSources.broad(scripts(p))).filter(l -> !l.isEmpty()).findFirst().orElseThrow();
            found.add(new HeaderFinding(CSP, Status.WARN, "Content-Security-Policy allows scripts from any host ("
                    + String.join(" ", sources) + " in " + broad + ")", "List the hosts you load scripts from"
                    + " instead of a wildcard or a bare scheme, or use nonces with 'strict-dynamic'.", 20));
        }
        String eval = firstWith(policies, CspSources::allowsEval);
        if (eval != null) {
            found.add(new HeaderFinding(CSP, Status.WARN, "Content-Security-Policy allows eval() ('unsafe-eval' in "
                    + eval + ")", "Remove 'unsafe-eval' once no code of yours or your libraries calls eval() or"
                    + " new Function().", 10));
        }
        return found;
    }

    /** @return the script directive of the first policy, if every policy lets the problem through */
    private static String firstWith(List<ContentSecurityPolicy> policies,
            java.util.function.Predicate<List<String>> problem) {
        for (ContentSecurityPolicy p : policies) {
            if (p.scriptDirective().isPresent() && !problem.test(scripts(p))) {
                return null;
            }
        }
        return policies.stream().filter(p -> p.scriptDirective().isPresent()).findFirst()
                .flatMap(ContentSecurityPolicy::scriptDirective).orElse(null);
    }

    private static List<String> scripts(ContentSecurityPolicy policy) {
        return policy.directive(policy.scriptDirective().orElseThrow()).orElseThrow();
    }

    /**
     * CSP {@code frame-ancestors}, when any enforced policy has it, replaces X-Frame-Options in
     * browsers; otherwise X-Frame-Options protects when its values include DENY or SAMEORIGIN (HTML's
     * rule: conflicting values refuse all framing). {@code ALLOW-FROM} is ignored by browsers.
     *
     * @param xFrameOptions every X-Frame-Options line
     * @param policies the enforced CSPs
     * @param html whether the document is HTML: a framed JSON answer is no clickjacking risk
     * @return a FAIL (HTML) or WARN when any site may frame the document
     */
    public static List<HeaderFinding> framing(List<String> xFrameOptions, List<ContentSecurityPolicy> policies,
            boolean html) {
        Status status = html ? Status.FAIL : Status.WARN;
        String remediation = "Send X-Frame-Options: DENY (SAMEORIGIN if the site frames its own pages) or"
                + " Content-Security-Policy: frame-ancestors 'none' ('self') (nginx: add_header X-Frame-Options"
                + " DENY always; Apache: Header always set X-Frame-Options DENY).";
        List<List<String>> ancestors = policies.stream().map(p -> p.directive("frame-ancestors"))
                .flatMap(java.util.Optional::stream).toList();
        if (!ancestors.isEmpty()) {
            return ancestors.stream().anyMatch(CspSources::restrictsFraming) ? List.of()
                    : List.of(new HeaderFinding(XFO, status, "CSP frame-ancestors lets any site frame the page ("
                            + String.join(" ", ancestors.get(0)) + ")", remediation, 20));
        }
        Set<String> values = new LinkedHashSet<>();
        xFrameOptions.forEach(line -> Arrays.stream(line.split(",")).map(v -> v.strip().toLowerCase(Locale.ROOT))
                .filter(v -> !v.isEmpty()).forEach(values::add));
        if (values.contains("deny") || values.contains("sameorigin")) {
            return List.of();
        }
        String summary = values.isEmpty() ? "no X-Frame-Options header and no CSP frame-ancestors: any site can"
                + " frame the page (clickjacking)"
                : values.stream().anyMatch(v -> v.startsWith("allow-from")) ? "X-Frame-Options ALLOW-FROM is"
                        + " ignored by browsers: any site can frame the page"
                : "X-Frame-Options \"" + String.join(", ", xFrameOptions) + "\" is neither DENY nor SAMEORIGIN";
        return List.of(new HeaderFinding(XFO, status, summary, remediation, 20));
    }

    /**
     * Read as the Fetch standard does: the first value of the combined header must be {@code nosniff}.
     *
     * @param values every X-Content-Type-Options line
     * @return a WARN when it is missing or not {@code nosniff}
     */
    public static List<HeaderFinding> nosniff(List<String> values) {
        String remediation = "Send X-Content-Type-Options: nosniff (nginx: add_header X-Content-Type-Options"
                + " nosniff always; Apache: Header always set X-Content-Type-Options nosniff).";
        if (values.isEmpty()) {
            return List.of(new HeaderFinding(XCTO, Status.WARN, "no X-Content-Type-Options header", remediation, 5));
        }
        String first = String.join(",", values).split(",", -1)[0].strip();
        return first.equalsIgnoreCase("nosniff") ? List.of() : List.of(new HeaderFinding(XCTO, Status.WARN,
                "X-Content-Type-Options is \"" + first + "\", not nosniff", remediation, 5));
    }

    /**
     * The last policy browsers recognise wins, so that a list can end with a fallback (Referrer
     * Policy section 8.1).
     *
     * @param values every Referrer-Policy line
     * @return a WARN when missing, unrecognised or leaking the URL or origin to {@code http://} pages
     */
    public static List<HeaderFinding> referrer(List<String> values) {
        String remediation = "Send Referrer-Policy: strict-origin-when-cross-origin (or no-referrer, same-origin).";
        if (values.isEmpty()) {
            // Observatory scores this 0: browsers now default to strict-origin-when-cross-origin.
            return List.of(new HeaderFinding(REFERRER, Status.WARN, "no Referrer-Policy header (browsers then"
                    + " default to strict-origin-when-cross-origin)", remediation, 0));
        }
        String policy = null;
        for (String line : values) {
            for (String token : line.split(",")) {
                String t = token.strip().toLowerCase(Locale.ROOT);
                if (REFERRER_POLICIES.contains(t)) {
                    policy = t;
                }
            }
        }
        if (policy == null) {
            return List.of(new HeaderFinding(REFERRER, Status.WARN, "Referrer-Policy \"" + String.join(", ", values)
                    + "\" names no policy browsers know", remediation, 5));
        }
        if (policy.equals("unsafe-url")) {
            return List.of(new HeaderFinding(REFERRER, Status.WARN, "Referrer-Policy unsafe-url sends the full URL,"
                    + " path and query included, to every site, even over http://", remediation, 5));
        }
        if (policy.equals("origin") || policy.equals("origin-when-cross-origin")) {
            return List.of(new HeaderFinding(REFERRER, Status.WARN, "Referrer-Policy " + policy + " sends the"
                    + " origin even to http:// pages", remediation, 5));
        }
        return List.of();
    }
}
