package dev.preflight.http;

import dev.preflight.http.internal.Page;
import dev.preflight.http.internal.PageRequest;
import dev.preflight.http.internal.PathFailure;
import dev.preflight.http.internal.ReportingMargin;
import dev.preflight.http.internal.Site;
import dev.preflight.http.internal.SitePaths;
import dev.preflight.http.internal.paths.ConfiguredPaths;
import dev.preflight.http.internal.paths.CsrfAnswer;
import dev.preflight.http.internal.paths.PathFinding;
import dev.preflight.http.internal.paths.PathFindings;
import dev.preflight.net.NetworkFailures;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code http.csrf}: state-changing endpoints refuse a request that carries no CSRF token, and one
 * that comes from a foreign origin. <b>This probe sends state-changing requests</b>, so
 * {@link #writes()} is true: it runs only when its id is named ({@code --probe http.csrf}). If an
 * endpoint accepts them, the change they ask for may happen: name endpoints where that is harmless.
 *
 * <p>Each path of {@code paths} gets two requests with {@code method}, to the host's first address:
 * a form body ({@code application/x-www-form-urlencoded}, {@code preflight-csrf-check=1}, what a
 * cross-site HTML form can send) without any token, no cookies and no credentials (not even the
 * target URL's), without {@code Origin}; then the same with {@code Origin} and {@code Referer} of a
 * foreign site ({@code https://preflight-csrf-check.invalid}), as a browser sends a forged form.
 * What was sent is in the details ({@code sent}).
 *
 * <p>A path's verdict: FAIL when the foreign-origin request is accepted (2xx, or a redirect other than
 * to a login: the state change went through), or when the request without {@code Origin} is accepted
 * and the foreign one is not refused either. PASS when it is refused (400, 403, 415, Laravel's 419,
 * or another 4xx whose body names CSRF, the token or the origin, such as Rails' 422), whether or not
 * the request without {@code Origin} was accepted (browsers send {@code Origin} on every cross-site
 * POST, so an origin check is a defence; the details say which). WARN when it is refused for want of
 * a login (401, a redirect to a login: without a session the CSRF check was never reached, since a
 * forged request rides a signed-in visitor's cookies), for 404, 405 or 501 (the path or method may be
 * wrong: nothing verified) and for another status. ERROR for a 5xx or no answer. The probe's verdict
 * is the worst path's; ERROR also when the deadline came before every path was asked. SKIP when
 * {@code paths} is not set or holds a template value, and for a target without an {@code http(s)}
 * URL. Not named, it is not run at all.
 *
 * <p>Settings: {@code paths} (required, at most 10), the state-changing endpoints, e.g.
 * {@code /account/email, /api/cart}; {@code method} ({@code POST}; or {@code PUT}, {@code PATCH},
 * {@code DELETE}).
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.4
 */
public final class CsrfProbe implements Probe {
    private static final String ID = "http.csrf";
    private static final int MAX_PATHS = 10;
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String FOREIGN = "https://preflight-csrf-check.invalid";
    private static final byte[] FORM = "preflight-csrf-check=1".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "State-changing endpoints refuse requests without a CSRF token (sends them)";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.WEB;
    }

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public Result check(ProbeContext context) throws Exception {
        Site site = Site.of(context).orElse(null);
        if (site == null) {
            return Result.skip("the target has no http:// or https:// URL");
        }
        Optional<String> skip = ConfiguredPaths.skipReason(site, ID, "paths", "/account/email, /api/cart");
        if (skip.isPresent()) {
            return Result.skip(skip.get());
        }
        String method = context.settings().string("method").orElse("POST").strip().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw context.settings().invalid("method", "must be POST, PUT, PATCH or DELETE");
        }
        List<URI> paths = ConfiguredPaths.read(site, "paths", MAX_PATHS);
        InetAddress address;
        try {
            // One address: the requests change state, so they are not repeated per node.
            address = site.addresses().get(0);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return Result.error(NetworkFailures.describe(e, site.host()), e);
        }
        return judge(ReportingMargin.early(site), address, method, paths);
    }

    private static Result judge(Site site, InetAddress address, String method, List<URI> paths) throws Exception {
        List<PathFinding> findings = new ArrayList<>();
        List<String> unasked = new ArrayList<>();
        for (URI url : paths) {
            String shown = SitePaths.where(site, url);
            if (!unasked.isEmpty() || site.context().remaining().isZero()) {
                unasked.add(shown);
                continue;
            }
            PageRequest bare = new PageRequest(method, url, List.of(), null)
                    .withHeader("Content-Type", "application/x-www-form-urlencoded").withBody(FORM);
            try {
                Page withoutOrigin = site.fetch(address, bare, 16 * 1024);
                Page foreign = site.fetch(address, bare.withHeader("Origin", FOREIGN)
                        .withHeader("Referer", FOREIGN + "/form"), 16 * 1024);
                findings.add(judge(method, shown, withoutOrigin, foreign));
            } catch (Exception e) {
                if (PathFailure.of(e, site.context()) == PathFailure.DEADLINE) {
                    unasked.add(shown);
                } else {
                    findings.add(new PathFinding(Status.ERROR, shown, NetworkFailures.describe(e, shown),
                            "Make sure " + shown + " answers " + method + ", then check again."));
                }
            }
        }
        int count = paths.size();
        return PathFindings.fold(findings, unasked, (count == 1 ? "the endpoint refuses" : "all " + count
                + " endpoints refuse") + " a " + method + " without a CSRF token from a foreign origin")
                .subject(site.endpoint() + " (" + address.getHostAddress() + ")")
                .detail("method", method)
                .detail("sent", method + " with a form body (preflight-csrf-check=1), no CSRF token, no cookies or"
                        + " credentials; once without Origin, once with Origin and Referer " + FOREIGN)
                .detail("address", address.getHostAddress()).build();
    }

    private static PathFinding judge(String method, String shown, Page withoutOrigin, Page foreign) {
        CsrfAnswer bare = CsrfAnswer.of(withoutOrigin);
        CsrfAnswer cross = CsrfAnswer.of(foreign);
        String statuses = " (" + withoutOrigin.status() + " without Origin, " + foreign.status() + " with a foreign one)";
        String enforce = "Require a CSRF token on " + method + " " + shown + " (Django: CsrfViewMiddleware; Rails:"
                + " protect_from_forgery; Laravel: VerifyCsrfToken; Spring Security: csrf(); Express: csrf-csrf), or"
                + " refuse requests whose Origin is not your own; SameSite cookies alone leave same-site attackers in.";
        if (cross == CsrfAnswer.ACCEPTED) {
            return new PathFinding(Status.FAIL, shown, "accepted a cross-site " + method + " without a CSRF token"
                    + statuses, enforce);
        }
        if (cross == CsrfAnswer.REFUSED) {
            return new PathFinding(Status.PASS, shown, (bare == CsrfAnswer.ACCEPTED
                    ? "refuses a foreign Origin, accepts a request without one (an origin check)"
                    : "refused without a CSRF token") + statuses, null);
        }
        if (bare == CsrfAnswer.ACCEPTED) {
            return new PathFinding(Status.FAIL, shown, "accepted a " + method + " without a CSRF token" + statuses,
                    enforce);
        }
        return switch (cross) {
            case UNAUTHENTICATED -> new PathFinding(Status.WARN, shown, "asks for a login first" + statuses
                    + ": the CSRF check was not reached", "Check " + shown + " with a signed-in session: a forged"
                    + " request rides a visitor's cookies, which this probe does not send.");
            case NOT_THERE -> new PathFinding(Status.WARN, shown, "not found for " + method + statuses
                    + ": nothing verified", "Check " + ID + ".paths and " + ID + ".method: " + shown
                    + " does not take " + method + ".");
            case SERVER_ERROR -> new PathFinding(Status.ERROR, shown, "server error" + statuses + ": not verified",
                    "Make " + shown + " refuse a request without a token with 403 instead of failing.");
            default -> new PathFinding(Status.WARN, shown, "neither accepted nor refused for CSRF" + statuses
                    + ": not verified", "Make " + shown + " refuse requests without a CSRF token with 403 (or 419/422"
                    + " naming the token) before it validates the input.");
        };
    }
}
