package dev.preflight.http;

import dev.preflight.http.internal.Finding;
import dev.preflight.http.internal.OriginJudge;
import dev.preflight.http.internal.Page;
import dev.preflight.http.internal.PageRequest;
import dev.preflight.http.internal.PerAddress;
import dev.preflight.http.internal.Shorten;
import dev.preflight.http.internal.Site;
import dev.preflight.http.internal.SitePaths;
import dev.preflight.http.internal.UntrustedOrigin;
import dev.preflight.http.internal.Verdicts;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.IpAddresses;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code http.cors}: no untrusted web site may read the API's responses through CORS.
 *
 * <p>For each configured path the probe sends, from each of four untrusted origins, a GET (with the
 * target's credentials, as a browser would send cookies) and an OPTIONS preflight (without them, as
 * browsers send it) asking for {@code GET} with an {@code authorization} header. The origins: one
 * nobody can own ({@code https://evil.preflight.invalid}), {@code null}, and two near-misses of the
 * site's host, {@code https://HOST.evil.invalid} and {@code https://evilHOST}, which pass origin
 * checks that test only a prefix or a suffix (an unanchored regular expression, an unescaped dot, an
 * {@code endsWith} without the dot). Only ordinary GET and OPTIONS requests: read-only.
 *
 * <p>FAIL: {@code Access-Control-Allow-Origin: *} with {@code Access-Control-Allow-Credentials:
 * true}; an untrusted origin echoed back (the summary says whether with credentials, which lets any
 * site read what the signed-in user sees); {@code null} allowed; with {@code allowed-origins} set,
 * any other origin named that is not in it. A named origin outside the list is a FAIL rather than a
 * WARN because the list is the user's statement of what production trusts. WARN: {@code *} while
 * {@code allowed-origins} is set; a plain-HTTP origin named while it is not; several values or a
 * value that is not an origin. PASS: no untrusted origin is allowed; {@code *} without credentials
 * and without a list is a PASS with a note (a public API). SKIP for a target without an http(s)
 * URL; ERROR when a request gets no answer.
 *
 * <p>Settings: {@code paths} (the target URL), the API paths to ask, e.g. {@code /api/orders,/graphql};
 * {@code allowed-origins} (none), the production origins, e.g. {@code https://shop.example.com}.
 * Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class CorsProbe implements Probe {
    /** CORS lives in the headers; a little of the body is enough and keeps eight requests per path cheap. */
    private static final int BODY_CAP = 8 * 1024;

    @Override
    public String id() {
        return "http.cors";
    }

    @Override
    public String title() {
        return "CORS lets no untrusted origin read the API";
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
        List<URI> paths = new ArrayList<>(SitePaths.listed(site, "paths"));
        if (paths.isEmpty()) {
            paths.add(site.url());
        }
        List<String> trusted = context.settings().list("allowed-origins");
        OriginJudge judge;
        try {
            judge = new OriginJudge(site.url().getScheme() + "://" + IpAddresses.forUrl(site.host()) + ":" + site.port(), trusted);
        } catch (IllegalArgumentException e) {
            throw context.settings().invalid("allowed-origins", e.getMessage());
        }
        List<UntrustedOrigin> origins = UntrustedOrigin.forHost(site.host());
        return PerAddress.check(site, address -> check(site, address, paths, origins, judge, trusted));
    }

    private static Result check(Site site, InetAddress address, List<URI> paths, List<UntrustedOrigin> origins,
            OriginJudge judge, List<String> trusted) throws Exception {
        List<Finding> findings = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        for (URI uri : paths) {
            String where = SitePaths.where(site, uri);
            Map<UntrustedOrigin, List<OriginJudge.Answer>> answers = new LinkedHashMap<>();
            for (UntrustedOrigin origin : origins) {
                Page get = site.fetch(address, site.get(uri).withHeader("Origin", origin.origin()), BODY_CAP);
                // A browser's preflight carries no credentials, whatever the request it announces.
                Page preflight = site.fetch(address, PageRequest.get(uri).withMethod("OPTIONS")
                        .withHeader("Origin", origin.origin())
                        .withHeader("Access-Control-Request-Method", "GET")
                        .withHeader("Access-Control-Request-Headers", "authorization"), BODY_CAP);
                answers.put(origin, List.of(answer("GET", get), answer("preflight", preflight)));
                for (Page page : List.of(get, preflight)) {
                    if (!page.headers("Access-Control-Allow-Origin").isEmpty()) {
                        allowed.add(describe(site, where, origin, page));
                    }
                }
            }
            findings.addAll(judge.judge(where, answers));
        }
        List<String> shownPaths = paths.stream().map(u -> SitePaths.where(site, u)).toList();
        return Verdicts.of(findings, "no untrusted origin may read " + String.join(", ", shownPaths))
                .detail("paths", shownPaths)
                .detail("origins", origins.stream().map(UntrustedOrigin::origin).toList())
                .detail("allowedOrigins", trusted.isEmpty() ? null : trusted)
                .detail("answers", allowed)
                .build();
    }

    private static OriginJudge.Answer answer(String method, Page page) {
        return new OriginJudge.Answer(method, page.headers("Access-Control-Allow-Origin"),
                page.headers("Access-Control-Allow-Credentials"));
    }

    private static String describe(Site site, String where, UntrustedOrigin origin, Page page) {
        String text = page.request().method() + " " + where + " from " + origin.origin() + " -> " + page.status()
                + ", Allow-Origin: " + String.join(" | ", page.headers("Access-Control-Allow-Origin"))
                + (page.headers("Access-Control-Allow-Credentials").isEmpty() ? ""
                        : ", Allow-Credentials: " + String.join(" | ", page.headers("Access-Control-Allow-Credentials")));
        return Shorten.to(text, 300);
    }
}
