package dev.preflight.http;

import dev.preflight.http.internal.NotFoundPage;
import dev.preflight.http.internal.Page;
import dev.preflight.http.internal.PathFailure;
import dev.preflight.http.internal.PerAddress;
import dev.preflight.http.internal.ReportingMargin;
import dev.preflight.http.internal.Site;
import dev.preflight.http.internal.SitePaths;
import dev.preflight.http.internal.paths.ConfiguredPaths;
import dev.preflight.http.internal.paths.PathFinding;
import dev.preflight.http.internal.paths.PathFindings;
import dev.preflight.http.internal.paths.PathVisit;
import dev.preflight.net.NetworkFailures;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code http.protected-paths}: each path the user names (an admin panel, an internal API) refuses
 * a visitor who sends no credentials.
 *
 * <p>Each path gets one GET with no credentials at all (not even the target URL's) and no cookies;
 * redirects on the same host are followed, three at most. A path's verdict: PASS when it answers 401
 * or 403, or redirects to a login page (a path or host naming login, signin, auth, sso, oauth, saml,
 * cas: the site's own {@code /login} or an identity provider); FAIL when it answers 2xx with content
 * of its own; WARN when the 2xx is the same page the site answers for a random path that cannot
 * exist (a catch-all or single-page-app shell: the server answers 200 for everything, so the check
 * cannot see what the path itself would answer), when the 2xx is a login form ({@code <input
 * type="password">}: probably protected, but a 200 proves nothing), for 404 or 410 (not found: the
 * setting may be wrong), for another status, for a redirect to another host that does not look like
 * a login, and for redirects that loop or go on; ERROR for a 5xx or no answer. Response bodies are
 * never reported.
 *
 * <p>The probe's verdict is the worst path's (FAIL over ERROR over WARN), the summary names it, and
 * {@code paths} in the details lists every path with its verdict. ERROR also when the deadline came
 * before every path was asked. SKIP when {@code paths} is not set, or still holds a template value
 * ({@code /YOUR_ADMIN_PATH/}, {@code https://your-domain.com/admin}), and for a target without an
 * {@code http(s)} URL.
 *
 * <p>Settings: {@code paths}, a comma-separated list of paths (or URLs on the target's host) that
 * must refuse anonymous requests, e.g. {@code /admin/, /api/v1/orders/} (required; at most 20). A
 * path on another host is an invalid setting. {@code http.exposed-endpoints.protected} asks the same
 * question as part of that probe's sweep but counts a catch-all answer as not found; this probe
 * reports it.
 *
 * <p>Read-only: GET only. Stateless and thread-safe.
 *
 * @since 0.4
 */
public final class ProtectedPathsProbe implements Probe {
    private static final String ID = "http.protected-paths";
    private static final int MAX_PATHS = 20;
    private static final int MAX_REDIRECTS = 3;
    private static final Pattern PASSWORD_FIELD = Pattern.compile("(?i)<input\\b[^>]*\\btype\\s*=\\s*[\"']?password");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Named admin and internal paths refuse anonymous requests";
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
        Optional<String> skip = ConfiguredPaths.skipReason(site, ID, "paths", "/admin/, /api/v1/orders/");
        if (skip.isPresent()) {
            return Result.skip(skip.get());
        }
        List<URI> paths = ConfiguredPaths.read(site, "paths", MAX_PATHS);
        Site early = ReportingMargin.early(site);
        return PerAddress.check(early, address -> judge(early, address, paths));
    }

    private static Result judge(Site site, InetAddress address, List<URI> paths) throws Exception {
        Page baseline = NotFoundPage.fetch(site, address);
        List<PathFinding> findings = new ArrayList<>();
        List<String> unasked = new ArrayList<>();
        for (URI url : paths) {
            String shown = SitePaths.where(site, url);
            if (!unasked.isEmpty() || site.context().remaining().isZero()) {
                unasked.add(shown);
                continue;
            }
            try {
                findings.add(judge(PathVisit.of(site, address, url, MAX_REDIRECTS, NotFoundPage.BODY_CAP), baseline,
                        shown));
            } catch (Exception e) {
                if (PathFailure.of(e, site.context()) == PathFailure.DEADLINE) {
                    unasked.add(shown);
                } else {
                    findings.add(new PathFinding(Status.ERROR, shown, NetworkFailures.describe(e, shown),
                            "Make sure " + shown + " answers; the check could not tell whether it refuses anonymous"
                                    + " requests."));
                }
            }
        }
        int count = paths.size();
        return PathFindings.fold(findings, unasked, (count == 1 ? "the path refuses" : "all " + count
                + " paths refuse") + " anonymous requests").subject(site.endpoint())
                .detail("notFoundStatus", baseline.status()).build();
    }

    private static PathFinding judge(PathVisit visit, Page baseline, String shown) {
        int status = visit.status();
        String refuse = "Refuse anonymous requests to " + shown + " (401 or 403, or a redirect to the login page), or"
                + " serve it only on a private listener or network.";
        return switch (visit.ending()) {
            case LOGIN -> new PathFinding(Status.PASS, shown, "redirects to a login ("
                    + SitePaths.shown(visit.next().orElseThrow()) + ")", null);
            case ELSEWHERE -> new PathFinding(Status.WARN, shown, "redirects to another site ("
                    + SitePaths.shown(visit.next().orElseThrow()) + "), not followed: not verified",
                    "Check " + shown + " by hand: a redirect to another site that is not a login page says nothing"
                            + " about access control here.");
            case ENDLESS -> new PathFinding(Status.WARN, shown, "redirects in a loop or more than " + MAX_REDIRECTS
                    + " times: not verified", "Fix the redirects of " + shown + " so that it ends at a refusal.");
            case ANSWERED -> answered(visit.last(), status, baseline, shown, refuse);
        };
    }

    private static PathFinding answered(Page page, int status, Page baseline, String shown, String refuse) {
        if (status == 401 || status == 403) {
            return new PathFinding(Status.PASS, shown, "refused (" + status + ")", null);
        }
        if (status >= 200 && status < 300) {
            if (NotFoundPage.isSameAs(baseline, page)) {
                return new PathFinding(Status.WARN, shown, "answers " + status + " with the page the site serves for"
                        + " every path (a catch-all or app shell): not verified",
                        "The server answers " + status + " for everything, so the check cannot see what " + shown
                                + " itself answers: make unknown paths answer 404, or check the API with a client.");
            }
            if (PASSWORD_FIELD.matcher(page.text()).find()) {
                return new PathFinding(Status.WARN, shown, "answers " + status + " with a login form in place: likely"
                        + " protected, but a 2xx proves nothing", "Redirect anonymous visitors of " + shown + " to the"
                        + " login page, or answer 401, so that refusal is visible.");
            }
            return new PathFinding(Status.FAIL, shown, "answers " + status + " without credentials", refuse);
        }
        if (status == 404 || status == 410) {
            return new PathFinding(Status.WARN, shown, "not found (" + status + ")", "Check "
                    + ID + ".paths: " + shown + " does not exist on the site, so nothing was verified.");
        }
        if (status >= 500) {
            return new PathFinding(Status.ERROR, shown, "answers " + status + ": not verified", "Make " + shown
                    + " answer without a server error, then check again.");
        }
        return new PathFinding(Status.WARN, shown, "answers " + status + ", neither a refusal nor content: not"
                + " verified", "Answer anonymous requests to " + shown + " with 401 or 403.");
    }
}
