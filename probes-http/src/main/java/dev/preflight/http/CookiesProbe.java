package dev.preflight.http;

import dev.preflight.http.internal.CookieRules;
import dev.preflight.http.internal.Finding;
import dev.preflight.http.internal.Page;
import dev.preflight.http.internal.PerAddress;
import dev.preflight.http.internal.SetCookie;
import dev.preflight.http.internal.SetCookieParser;
import dev.preflight.http.internal.Shorten;
import dev.preflight.http.internal.Site;
import dev.preflight.http.internal.SitePaths;
import dev.preflight.http.internal.Verdicts;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code http.cookies}: every cookie the site sets carries the flags that keep it out of reach of
 * eavesdroppers, injected script and other sites.
 *
 * <p>The probe reads every {@code Set-Cookie} line on the way to the target's page (each redirect
 * hop counts: browsers store cookies set by a redirect) and on the extra {@code paths}, parsed as
 * browsers parse them (RFC 6265 section 5.2). It reports cookie names, never values. FAIL for a
 * cookie without {@code Secure} on an HTTPS page, a session-like cookie without {@code HttpOnly}
 * (see {@code CookieRules} for the names; CSRF cookies are exempt because script must read them),
 * {@code SameSite=None} without {@code Secure}, and a {@code __Host-} or {@code __Secure-} prefix
 * whose rules are broken (RFC 6265bis section 4.1.3). WARN for a cookie without {@code SameSite} or
 * with a value browsers ignore, for cookies set over plain HTTP, and for malformed lines. PASS when
 * every cookie is right, or when the site sets none. Lines that delete a cookie ({@code Max-Age=0},
 * an {@code Expires} in the past) are listed, not judged. SKIP for a target without an http(s) URL;
 * ERROR when a page cannot be fetched.
 *
 * <p>Settings: {@code paths} (none), more paths on the target's host whose answers to set cookies,
 * e.g. {@code /login,/account}; {@code session-cookies} (none), more cookie names to hold to the
 * HttpOnly rule. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class CookiesProbe implements Probe {
    private static final int MAX_NAME = 64;

    @Override
    public String id() {
        return "http.cookies";
    }

    @Override
    public String title() {
        return "Cookies are Secure, HttpOnly when they hold a session, and have SameSite";
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
        List<URI> extra = new ArrayList<>(SitePaths.listed(site, "paths"));
        CookieRules rules = new CookieRules(context.settings().list("session-cookies"));
        return PerAddress.check(site, address -> judge(site, address, extra, rules));
    }

    private static Result judge(Site site, InetAddress address, List<URI> extra, CookieRules rules) throws Exception {
        List<Page> pages = new ArrayList<>(site.landingChain(address));
        for (URI uri : extra) {
            pages.add(site.fetch(address, site.get(uri)));
        }
        ProbeContext context = site.context();
        Instant now = context.clock().instant();
        List<Finding> findings = new ArrayList<>();
        List<String> cookies = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        for (Page page : pages) {
            String where = SitePaths.where(site, page.url());
            boolean https = "https".equalsIgnoreCase(page.url().getScheme());
            List<String> lines = page.headers("Set-Cookie");
            for (int i = 0; i < lines.size(); i++) {
                SetCookieParser.Line line = SetCookieParser.parse(lines.get(i));
                if (!line.isCookie()) {
                    String what = "Set-Cookie line " + (i + 1) + " of " + where + " " + line.problem();
                    malformed.add(what);
                    findings.add(new Finding(Status.WARN, what, "Fix the Set-Cookie header: browsers ignore or misread"
                            + " malformed lines (RFC 6265 section 5.2)."));
                    continue;
                }
                SetCookie cookie = line.cookie();
                String shown = Shorten.to(cookie.name(), MAX_NAME);
                if (cookie.isDeletion(now)) {
                    deleted.add(shown + " (" + where + ")");
                    continue;
                }
                cookies.add(shown + " (" + where + "): " + flags(cookie));
                findings.addAll(rules.judge(cookie, shown, https, where));
            }
        }
        String pass = cookies.isEmpty() ? "sets no cookies" + (deleted.isEmpty() ? "" : " (only deletes " + deleted.size()
                + ")") : (cookies.size() == 1 ? "its one cookie is Secure and has SameSite"
                        : cookies.size() + " cookies are Secure and have SameSite") + ", session cookies HttpOnly";
        return Verdicts.of(findings, pass)
                .detail("pages", pages.stream().map(p -> p.status() + " " + SitePaths.where(site, p.url())).toList())
                .detail("cookies", cookies)
                .detail("deleted", deleted.isEmpty() ? null : deleted)
                .detail("malformed", malformed.isEmpty() ? null : malformed)
                .build();
    }

    private static String flags(SetCookie cookie) {
        List<String> flags = new ArrayList<>();
        if (cookie.secure()) {
            flags.add("Secure");
        }
        if (cookie.httpOnly()) {
            flags.add("HttpOnly");
        }
        cookie.sameSiteValue().ifPresent(v -> flags.add("SameSite=" + Shorten.to(v, 20)));
        if (cookie.domain() != null) {
            flags.add("Domain=" + cookie.domain().toLowerCase(Locale.ROOT));
        }
        return flags.isEmpty() ? "no flags" : String.join(", ", flags);
    }
}
