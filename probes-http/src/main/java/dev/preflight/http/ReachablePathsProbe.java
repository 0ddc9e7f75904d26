package dev.preflight.http;

import dev.preflight.http.internal.NotFoundPage;
import dev.preflight.http.internal.Page;
import dev.preflight.http.internal.PathFailure;
import dev.preflight.http.internal.PerAddress;
import dev.preflight.http.internal.ReportingMargin;
import dev.preflight.http.internal.Site;
import dev.preflight.http.internal.SitePaths;
import dev.preflight.http.internal.Surface;
import dev.preflight.http.internal.Surfaces;
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
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code http.reachable-paths}: each page the user names (privacy policy, terms, affiliate
 * agreement, {@code robots.txt}, public API docs, a static asset) is there for anyone.
 *
 * <p>Each path gets one GET with no credentials at all and no cookies, as a visitor or a crawler
 * sends it; redirects on the same host are followed, five at most. A path's verdict: PASS when it
 * ends at a 2xx that is a page of its own. FAIL when it answers 404 or 410, 401 or 403 or a redirect
 * to a login (it must be public), a 5xx (what visitors get at that moment is an error: a legal page
 * that fails is a failure of the row, whatever the cause), another 4xx, redirects that loop or go on,
 * or a 2xx that is a "not found" page ({@code <title>} naming 404 or not found), or, for a file (a
 * name with an extension other than {@code .html}, such as {@code robots.txt}), the page the site
 * serves for a random path that cannot exist. WARN when an extensionless path answers that catch-all
 * page (a single-page app serves its shell for every route, so the check cannot tell whether the
 * page exists), and for a redirect to another host, which is not followed. ERROR when a path has no
 * answer in time. Response bodies are never reported.
 *
 * <p>The probe's verdict is the worst path's, the summary names it, and {@code paths} in the details
 * lists every path with its verdict. SKIP when {@code paths} is not set or still holds a template
 * value, and for a target without an {@code http(s)} URL.
 *
 * <p>Settings: {@code paths}, a comma-separated list of paths (or URLs on the target's host), e.g.
 * {@code /privacy, /terms, /robots.txt, /docs} (required; at most 20).
 *
 * <p>Relation to {@code http.exposed-endpoints}: API docs that must be public here (Swagger UI at
 * {@code /docs}, {@code /openapi.json}) are a surface that probe expects absent by default. A listed
 * path that is one of its surfaces is named in {@code exposedEndpointsSurfaces} in the details; set
 * {@code http.exposed-endpoints.expect.docs = public} (or {@code expect.<surface>}) so that both
 * probes ask for the same thing.
 *
 * <p>Read-only: GET only. Stateless and thread-safe.
 *
 * @since 0.4
 */
public final class ReachablePathsProbe implements Probe {
    private static final String ID = "http.reachable-paths";
    private static final int MAX_PATHS = 20;
    private static final int MAX_REDIRECTS = 5;
    private static final Pattern TITLE = Pattern.compile("(?is)<title[^>]*>(.*?)</title");
    private static final Pattern NOT_FOUND_TITLE = Pattern.compile("(?i)\\b404\\b|not found|page not found");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Named public pages (legal pages, robots.txt, API docs) are reachable";
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
        Optional<String> skip = ConfiguredPaths.skipReason(site, ID, "paths", "/privacy, /terms, /robots.txt");
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
        List<String> surfaces = new ArrayList<>();
        for (URI url : paths) {
            String shown = SitePaths.where(site, url);
            surface(site, shown).ifPresent(s -> surfaces.add(shown + " (" + s.name() + ")"));
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
                            "Make sure " + shown + " answers, then check again."));
                }
            }
        }
        int count = paths.size();
        Result.Builder result = PathFindings.fold(findings, unasked, (count == 1 ? "the path is"
                : "all " + count + " paths are") + " reachable without credentials").subject(site.endpoint())
                .detail("notFoundStatus", baseline.status());
        if (!surfaces.isEmpty()) {
            result.detail("exposedEndpointsSurfaces", surfaces);
        }
        return result.build();
    }

    private static Optional<Surface> surface(Site site, String shown) {
        return Surfaces.all().stream().filter(s -> s.paths().stream()
                .anyMatch(p -> SitePaths.where(site, site.resolve(p)).equals(shown))).findFirst();
    }

    private static PathFinding judge(PathVisit visit, Page baseline, String shown) {
        String publish = "Serve " + shown + " to anyone, without login, with 200.";
        return switch (visit.ending()) {
            case LOGIN -> new PathFinding(Status.FAIL, shown, "redirects to a login ("
                    + SitePaths.shown(visit.next().orElseThrow()) + "): it must be public", publish);
            case ELSEWHERE -> new PathFinding(Status.WARN, shown, "redirects to another site ("
                    + SitePaths.shown(visit.next().orElseThrow()) + "), not followed: not verified",
                    "If " + shown + " is hosted elsewhere on purpose, check that page by hand or as a target of its own.");
            case ENDLESS -> new PathFinding(Status.FAIL, shown, "redirects in a loop or more than " + MAX_REDIRECTS
                    + " times", "Fix the redirects of " + shown + " so that it ends at the page.");
            case ANSWERED -> answered(visit, baseline, shown, publish);
        };
    }

    private static PathFinding answered(PathVisit visit, Page baseline, String shown, String publish) {
        Page page = visit.last();
        int status = page.status();
        String via = visit.redirects() == 0 ? "" : " after " + visit.redirects() + " redirect"
                + (visit.redirects() > 1 ? "s" : "");
        if (status >= 200 && status < 300) {
            if (isNotFoundPage(page)) {
                return new PathFinding(Status.FAIL, shown, "answers " + status + via + " with a \"not found\" page",
                        "Publish " + shown + " (it is missing), and answer 404 for missing pages.");
            }
            if (NotFoundPage.isSameAs(baseline, page)) {
                return isFile(visit.asked())
                        ? new PathFinding(Status.FAIL, shown, "answers " + status + via + " with the page the site serves"
                                + " for every path: the file is missing", "Publish " + shown + "; the catch-all page"
                                + " stands in for it.")
                        : new PathFinding(Status.WARN, shown, "answers " + status + via + " with the page the site serves"
                                + " for every path (an app shell?): cannot tell whether the page exists",
                                "Render " + shown + " on the server (or prerender it) and answer 404 for unknown paths,"
                                        + " so that crawlers and this check see the page itself.");
            }
            return new PathFinding(Status.PASS, shown, "answers " + status + via, null);
        }
        if (status == 401 || status == 403) {
            return new PathFinding(Status.FAIL, shown, "refused (" + status + "): it must be public", publish);
        }
        if (status == 404 || status == 410) {
            return new PathFinding(Status.FAIL, shown, "not found (" + status + ")" + via, "Publish " + shown
                    + ", or correct " + ID + ".paths if the page lives elsewhere.");
        }
        return new PathFinding(Status.FAIL, shown, "answers " + status + via, status >= 500
                ? "Fix the server error on " + shown + ": visitors get an error instead of the page." : publish);
    }

    private static boolean isNotFoundPage(Page page) {
        Matcher title = TITLE.matcher(page.text());
        return title.find() && NOT_FOUND_TITLE.matcher(title.group(1)).find();
    }

    /** A file rather than a page: a last segment with an extension other than {@code .html}/{@code .htm}. */
    private static boolean isFile(URI url) {
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String last = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = last.lastIndexOf('.');
        return dot > 0 && dot < last.length() - 1 && !last.endsWith(".html") && !last.endsWith(".htm");
    }
}
