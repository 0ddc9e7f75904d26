package dev.preflight.http;

import dev.preflight.http.internal.DebugPages.DebugPage;
import dev.preflight.http.internal.DebugPages;
import dev.preflight.http.internal.NotFoundPage;
import dev.preflight.http.internal.Page;
import dev.preflight.http.internal.PerAddress;
import dev.preflight.http.internal.Site;
import dev.preflight.net.NetworkFailures;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code http.debug-mode}: error pages do not reveal a framework running in debug or development
 * mode, which hands out stack traces, settings and sometimes a console that runs code.
 *
 * <p>The probe reads what the site answers for a random path that cannot exist (the same one
 * {@code http.exposed-endpoints} asks for, so one exchange serves both), for each path of the
 * {@code error-paths} setting, and its landing page, and looks for the pages of Django with
 * {@code DEBUG = True}, the Werkzeug debugger, Laravel Ignition, Whoops, Rails' development error
 * page, Spring Boot's error page or JSON with a stack trace, Express stack traces, ASP.NET detailed
 * errors (the "yellow screen" and ASP.NET Core's developer exception page) and PHP errors displayed
 * with file paths. Bodies are never reported: only the framework, the path and the status.
 *
 * <p>FAIL naming the framework when one of those pages answers. PASS otherwise. SKIP for targets
 * without an {@code http(s)://} URL. ERROR when the site does not answer.
 *
 * <p>Settings: {@code error-paths}, a comma-separated list of paths likely to make the application
 * fail, e.g. {@code /api/orders/not-a-number} (none by default); each is an ordinary GET.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class DebugModeProbe implements Probe {

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

    private static Result judge(Site site, InetAddress address, List<String> errorPaths) throws Exception {
        List<Looked> pages = new ArrayList<>();
        pages.add(new Looked(NotFoundPage.fetch(site, address), "for a path that does not exist"));
        pages.add(new Looked(site.document(address), "as the landing page"));
        List<String> unanswered = new ArrayList<>();
        for (String path : errorPaths) {
            try {
                pages.add(new Looked(site.fetch(address, site.get(site.resolve(path)), NotFoundPage.BODY_CAP),
                        "at " + path));
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                // A path meant to make the application fail may well reset the connection: that says nothing.
                if (Thread.currentThread().isInterrupted() || NetworkFailures.isUnreachable(e) || NetworkFailures.isTimeout(e)) {
                    throw e;
                }
                unanswered.add(path);
            }
        }
        List<String> checked = pages.stream().map(l -> l.page().url().getRawPath()).toList();
        Result.Builder result = null;
        for (Looked looked : pages) {
            Optional<DebugPage> debug = DebugPages.recognise(looked.page().text());
            if (debug.isPresent()) {
                result = Result.builder(Status.FAIL)
                        .summary(debug.get().framework() + " shows its debug page " + looked.where()
                                + " (status " + looked.page().status() + ")")
                        .remediation(debug.get().remediation())
                        .subject(site.endpoint())
                        .detail("framework", debug.get().framework())
                        .detail("path", looked.page().url().getRawPath())
                        .detail("status", looked.page().status());
                break;
            }
        }
        if (result == null) {
            result = Result.builder(Status.PASS)
                    .summary("no debug or development error page among " + pages.size() + " pages")
                    .subject(site.endpoint());
        }
        result.detail("checked", checked);
        if (!unanswered.isEmpty()) {
            result.detail("unanswered", unanswered);
        }
        return result.build();
    }
}
