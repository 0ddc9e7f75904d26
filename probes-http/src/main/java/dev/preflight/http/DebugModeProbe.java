package dev.preflight.http;

import dev.preflight.http.internal.DebugConsoles;
import dev.preflight.http.internal.DebugPages;
import dev.preflight.http.internal.DebugPages.DebugPage;
import dev.preflight.http.internal.Exposure;
import dev.preflight.http.internal.NotFoundPage;
import dev.preflight.http.internal.Page;
import dev.preflight.http.internal.PathFailure;
import dev.preflight.http.internal.PerAddress;
import dev.preflight.http.internal.Site;
import dev.preflight.http.internal.SurfaceSweep;
import dev.preflight.http.internal.SurfaceSweep.Observation;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code http.debug-mode}: error pages do not reveal a framework running in debug or development
 * mode, which hands out stack traces, settings and sometimes a console that runs code.
 *
 * <p>The probe reads what the site answers for a random path that cannot exist (the same one
 * {@code http.exposed-endpoints} asks for, so one exchange serves both), for that path with an
 * invalid UTF-8 escape ({@code %FF}) added, for each path of the {@code error-paths} setting, and
 * its landing page, and looks for the pages of Django with {@code DEBUG = True}, the Werkzeug
 * debugger, Starlette and FastAPI with {@code debug=True}, Laravel Ignition, Whoops, Symfony's debug
 * exception page, Rails' development error page, Spring Boot's error page or JSON with a stack
 * trace, Express stack traces, ASP.NET detailed errors (the "yellow screen" and ASP.NET Core's
 * developer exception page), PHP errors displayed with file paths, and a Python traceback on an
 * error response. It then asks the well-known paths of debug consoles and development pages (see
 * {@code DebugConsoles}): the Werkzeug console and debugger, Laravel Ignition's health check, the
 * Symfony profiler and its phpinfo page, and Rails' {@code /rails/info}. Those count only when they
 * answer 2xx with their own content and differ from the random path's answer, so a site that
 * answers the same page to everything does not fail. Every request is an ordinary GET, one at a
 * time, within the probe's deadline. Bodies are never reported: only the framework, the path and
 * the status.
 *
 * <p>FAIL naming the framework (a console first) when one of those pages answers. PASS otherwise.
 * SKIP for targets without an {@code http(s)://} URL. ERROR when the site does not answer, or when
 * the deadline came before every well-known path was asked and nothing was found by then.
 *
 * <p>Settings: {@code error-paths}, a comma-separated list of paths likely to make the application
 * fail, e.g. {@code /api/orders/not-a-number} (none by default); each is an ordinary GET. Debug
 * pages that only show on a 500 (Werkzeug, Starlette, Express, Spring) are found only there, or by
 * luck on the invalid-escape path.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class DebugModeProbe implements Probe {
    /** Frameworks that decode the path strictly (Express route parameters) fail on a lone 0xFF byte. */
    private static final String INVALID_ESCAPE = "%FF";

    @Override
    public String id() {
        return "http.debug-mode";
    }

    @Override
    public String title() {
        return "Error pages reveal no debug mode or stack trace";
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
        List<String> errorPaths = context.settings().list("error-paths");
        return PerAddress.check(site, address -> judge(site, address, errorPaths));
    }

    /** A page read, and how to name where it came from. */
    private record Looked(Page page, String where) {
    }

    /** Something debug-only that answered; a console answers at its path, a debug page shows somewhere. */
    private record Finding(String framework, boolean console, String where, String path, int status,
            String remediation) {
        String summary() {
            return framework + (console ? " answers " : " shows its debug page ") + where + " (status " + status + ")";
        }
    }

    private static Result judge(Site site, InetAddress address, List<String> errorPaths) throws Exception {
        Page notFound = NotFoundPage.fetch(site, address);
        List<Looked> pages = new ArrayList<>();
        pages.add(new Looked(notFound, "for a path that does not exist"));
        pages.add(new Looked(site.document(address), "as the landing page"));
        Map<String, String> errorPages = new LinkedHashMap<>();
        errorPages.put(NotFoundPage.path(site) + INVALID_ESCAPE, "for a path with an invalid escape");
        errorPaths.forEach(p -> errorPages.putIfAbsent(p, "at " + p));
        List<String> unanswered = new ArrayList<>();
        boolean complete = true;
        for (Map.Entry<String, String> e : errorPages.entrySet()) {
            if (!fetchErrorPage(site, address, e.getKey(), e.getValue(), pages, unanswered)) {
                complete = false;
                break;
            }
        }
        SurfaceSweep.Sweep consoles = complete ? new SurfaceSweep(site, address, notFound).run(DebugConsoles.all())
                : new SurfaceSweep.Sweep(List.of(), List.of(), false, notFound.status());
        complete &= consoles.complete();
        consoles.unanswered().forEach(u -> unanswered.add(u.substring(u.indexOf(' ') + 1)));

        List<Finding> findings = new ArrayList<>();
        for (Observation o : consoles.observations()) {
            if (o.exposure() == Exposure.PUBLIC) {
                findings.add(new Finding(o.surface().title(), true, "at " + o.path(), o.path(), o.status(),
                        o.surface().remediation()));
            }
        }
        for (Looked looked : pages) {
            Optional<DebugPage> debug = DebugPages.recognise(looked.page().status(), looked.page().text());
            if (debug.isPresent() && findings.stream().noneMatch(f -> f.framework().equals(debug.get().framework()))) {
                findings.add(new Finding(debug.get().framework(), false, looked.where(),
                        looked.page().url().getRawPath(), looked.page().status(), debug.get().remediation()));
            }
        }

        List<String> checked = pages.stream().map(l -> l.page().url().getRawPath()).toList();
        List<String> wellKnown = DebugConsoles.all().stream().flatMap(s -> s.paths().stream()).toList();
        Result.Builder result;
        if (!findings.isEmpty()) {
            Finding first = findings.get(0);
            int more = findings.size() - 1;
            result = Result.builder(Status.FAIL)
                    .summary(first.summary() + (more > 0 ? " (and " + more + " more)" : ""))
                    .remediation(String.join(" ", findings.stream().map(Finding::remediation).distinct().toList()))
                    .detail("framework", first.framework())
                    .detail("path", first.path())
                    .detail("status", first.status());
            if (more > 0) {
                result.detail("findings", findings.stream()
                        .map(f -> f.framework() + " " + f.path() + " (" + f.status() + ")").toList());
            }
        } else if (!complete) {
            result = Result.builder(Status.ERROR).summary("the deadline came after " + pages.size() + " pages and "
                    + consoles.observations().size() + " of " + DebugConsoles.all().size()
                    + " debug consoles; no debug page among them");
        } else {
            result = Result.builder(Status.PASS).summary("no debug or development error page among " + pages.size()
                    + " pages, and no debug console at " + wellKnown.size() + " well-known paths");
        }
        result.subject(site.endpoint()).detail("checked", checked).detail("consoles", wellKnown);
        if (!unanswered.isEmpty()) {
            result.detail("unanswered", unanswered);
        }
        return result.build();
    }

    /** @return false when the deadline came first, so that nothing more is asked */
    private static boolean fetchErrorPage(Site site, InetAddress address, String path, String where, List<Looked> pages,
            List<String> unanswered) throws Exception {
        if (site.context().remaining().isZero()) {
            return false;
        }
        try {
            pages.add(new Looked(site.fetch(address, site.get(site.resolve(path)), NotFoundPage.BODY_CAP), where));
            return true;
        } catch (Exception e) {
            if (PathFailure.of(e, site.context()) == PathFailure.DEADLINE) {
                return false;
            }
            // A path meant to make the application fail may well reset the connection: that says nothing.
            unanswered.add(path);
            return true;
        }
    }
}
