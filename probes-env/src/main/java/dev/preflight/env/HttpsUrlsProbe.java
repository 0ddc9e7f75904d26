package dev.preflight.env;

import dev.preflight.env.internal.Findings;
import dev.preflight.env.internal.PublicUrls;
import dev.preflight.env.internal.UrlTemplates;
import dev.preflight.env.internal.Variables;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.Stage;
import java.util.List;
import java.util.Map;

/**
 * {@code env.https-urls}: the application's own public URLs are HTTPS and point at the deployment, not
 * a developer's machine. These URLs end up in links, redirects, OAuth callbacks and emails: an
 * {@code http://} one sends users and tokens over plaintext (OWASP Transport Layer Security Cheat
 * Sheet), and a {@code localhost} one breaks every link in production.
 *
 * <p>Reads {@code FRONTEND_URL}, {@code BACKEND_URL}, {@code APP_URL}, {@code SITE_URL},
 * {@code BASE_URL}, {@code PUBLIC_URL}, {@code API_URL}, {@code NEXT_PUBLIC_API_URL},
 * {@code NEXT_PUBLIC_SITE_URL}, {@code NEXTAUTH_URL}, {@code VITE_API_URL} and
 * {@code REACT_APP_API_URL}. {@code https://} passes; {@code http://} to a non-loopback host FAILs;
 * a loopback host FAILs in production ("points at localhost") and passes elsewhere; an empty,
 * malformed or non-HTTP value FAILs; a {@linkplain UrlTemplates template} FAILs as one
 * ({@code https://your-domain.com}, {@code https://shop.example.com}, {@code https://<your-app>}). A path-only value ({@code /api}) passes: it inherits the page's
 * scheme. None set: SKIP.
 *
 * @since 0.1
 */
public final class HttpsUrlsProbe implements Probe {
    static final List<String> VARIABLES = List.of("FRONTEND_URL", "BACKEND_URL", "APP_URL", "SITE_URL", "BASE_URL",
            "PUBLIC_URL", "API_URL", "NEXT_PUBLIC_API_URL", "NEXT_PUBLIC_SITE_URL", "NEXTAUTH_URL", "VITE_API_URL",
            "REACT_APP_API_URL");

    /** Creates the probe; stateless. */
    public HttpsUrlsProbe() {
    }

    @Override
    public String id() {
        return "env.https-urls";
    }

    @Override
    public String title() {
        return "Public URLs use HTTPS";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ENV;
    }

    @Override
    public Result check(ProbeContext context) {
        Map<String, String> urls = Variables.named(context.target().variables(), VARIABLES);
        if (urls.isEmpty()) {
            return Result.skip("no public URL set (looked for " + Variables.list(VARIABLES) + ")");
        }
        Stage stage = Stage.of(context.target());
        String file = context.target().location();
        Findings findings = new Findings();
        PublicUrls judge = new PublicUrls(Map.of("http", "https"), "https", stage, file, findings);
        urls.forEach(judge::judge);
        findings.detail("urls", judge.shown());
        return findings.toResult("public URLs use HTTPS (" + String.join(", ", urls.keySet()) + ")");
    }
}
