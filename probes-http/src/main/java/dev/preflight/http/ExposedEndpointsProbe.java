package dev.preflight.http;

import dev.preflight.http.internal.Exposure;
import dev.preflight.http.internal.NotFoundPage;
import dev.preflight.http.internal.Page;
import dev.preflight.http.internal.PerAddress;
import dev.preflight.http.internal.Site;
import dev.preflight.http.internal.SitePaths;
import dev.preflight.http.internal.Surface;
import dev.preflight.http.internal.SurfaceSweep;
import dev.preflight.http.internal.SurfaceSweep.Observation;
import dev.preflight.http.internal.Surfaces;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.ProbeSettings;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code http.exposed-endpoints}: API docs, debug and admin endpoints and files of secrets are not
 * served to anyone in production.
 *
 * <p>The probe asks for each surface of its catalogue ({@code .env}, {@code .git/HEAD} and
 * {@code .git/config}, {@code /actuator}, {@code /actuator/env}, the actuator heap dump,
 * {@code phpinfo.php}, the OpenAPI document, Swagger UI, ReDoc, GraphQL introspection,
 * Apache's {@code /server-status} and {@code /server-info}, Prometheus {@code /metrics} (or Spring
 * Boot's {@code /actuator/prometheus}), Go's {@code /debug/vars} (expvar) and {@code /debug/pprof/},
 * {@code /wp-admin/}, Django's {@code /admin/}) with
 * ordinary GETs, and one POST of a read-only GraphQL introspection query. A surface is
 * <em>public</em> only when it answers 2xx with content only the real thing serves (a Git ref, {@code KEY=value} lines, an OpenAPI
 * document, {@code "_links"}…) and differs from what the site answers for a random path that
 * cannot exist, so that a site answering 200 to everything does not fail (redirects within the
 * host are followed, three at most). It is <em>protected</em>
 * when it answers 401 or 403 or redirects to a login page while the random path does not. The heap
 * dump is never downloaded (each GET makes the JVM write one): it counts as public when the public
 * actuator index lists it. Django's admin is public when an admin page other than its login form
 * answers; its login form, reached directly or through the redirect to {@code /admin/login/},
 * counts as protected, like the login that {@code /wp-admin/} leads to. Response bodies are never
 * reported, only surfaces and paths.
 *
 * <p>Paths declared in {@code protected} are asked with a GET that carries no credentials (not even
 * those of the target URL): any 2xx answer other than the site's catch-all page is a FAIL. A 401,
 * 403 or a redirect to a login page is what they should answer; anything else (404, 5xx) is listed
 * as not found.
 *
 * <p>FAIL when a surface is public and expected otherwise, when a declared protected path answers
 * without credentials, and always when a surface that hands out secrets is public ({@code dotenv}, {@code git}, {@code actuator-env}, {@code heapdump},
 * {@code phpinfo}). WARN when a surface expected absent is there behind authentication (not for
 * secret surfaces: denying them is the fix). PASS otherwise. SKIP for targets without an
 * {@code http(s)://} URL. ERROR when the site does not answer, or when the deadline came before
 * every surface was asked and nothing was found by then.
 *
 * <p>Settings: {@code expect.<surface>} = {@code absent} (default), {@code auth} or {@code public},
 * the most exposure accepted for a surface, e.g. {@code http.exposed-endpoints.expect.openapi = public}
 * for a team that publishes its API docs; {@code expect.docs} sets {@code openapi},
 * {@code swagger-ui} and {@code redoc} at once. Surface names: {@code dotenv}, {@code git},
 * {@code actuator-env}, {@code heapdump}, {@code phpinfo}, {@code actuator}, {@code openapi},
 * {@code swagger-ui}, {@code redoc}, {@code graphql}, {@code server-status}, {@code server-info},
 * {@code metrics} ({@code # HELP}/{@code # TYPE} lines), {@code expvar} ({@code cmdline} and
 * {@code memstats}), {@code pprof},
 * {@code wp-admin}, {@code django-admin}. {@code protected}: a comma-separated list of paths (or URLs on
 * the target's host) that must refuse anonymous requests, e.g. {@code /internal/, /metrics} (none by
 * default, at most 20); a path on another host is an invalid setting. A catalogue surface with a
 * declared path (such as {@code metrics} for {@code /metrics}) is judged by the declared check alone.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class ExposedEndpointsProbe implements Probe {
    /** Declared paths are asked one by one within the deadline; a long list belongs in a test of its own. */
    private static final int MAX_DECLARED = 20;

    @Override
    public String id() {
        return "http.exposed-endpoints";
    }

    @Override
    public String title() {
        return "No API docs, debug or admin endpoints, or files of secrets are served publicly";
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
        Map<Surface, Exposure> expected = expectations(context.settings());
        List<Declared> declared = declared(site);
        List<Surface> catalogue = catalogue(site, declared);
        return PerAddress.check(site, address -> judge(site, address, expected, catalogue, declared));
    }

    /** A path the user declared protected: the surface that asks for it, and how to show it. */
    private record Declared(Surface surface, String shown) {
    }

    private static List<Declared> declared(Site site) {
        List<URI> urls = SitePaths.listed(site, "protected");
        if (urls.size() > MAX_DECLARED) {
            throw site.context().settings().invalid("protected", "lists " + urls.size() + " paths; at most "
                    + MAX_DECLARED + " are asked");
        }
        List<Declared> declared = new ArrayList<>();
        for (URI url : new LinkedHashSet<>(urls)) {
            String shown = SitePaths.where(site, url);
            declared.add(new Declared(new Surface("protected", shown + " (declared protected)", false,
                    List.of(url.toString()), text -> true, Surface.Ask.ANONYMOUS_GET,
                    "Refuse anonymous requests to " + shown + " (401 or 403), or serve it only on a private"
                            + " listener: http.exposed-endpoints.protected says it must not answer without"
                            + " credentials."), shown));
        }
        return List.copyOf(declared);
    }

    /**
     * The catalogue without the surfaces a declared path names (e.g. {@code /metrics}): the user said
     * it is there and must refuse anonymous callers, which the stricter declared check asks without
     * credentials; asking it again with them would send credentials the user wanted kept away from it.
     */
    private static List<Surface> catalogue(Site site, List<Declared> declared) {
        Set<String> shown = new LinkedHashSet<>();
        declared.forEach(d -> shown.add(d.shown()));
        return Surfaces.all().stream().filter(s -> s.paths().stream()
                .noneMatch(p -> shown.contains(SitePaths.where(site, site.resolve(p))))).toList();
    }

    private static Map<Surface, Exposure> expectations(ProbeSettings settings) {
        Exposure docs = settings.string("expect.docs").map(v -> Exposure.parse(v, "http.exposed-endpoints.expect.docs"))
                .orElse(Exposure.ABSENT);
        Map<Surface, Exposure> expected = new LinkedHashMap<>();
        for (Surface s : Surfaces.all()) {
            String key = "expect." + s.name();
            Exposure fallback = Surfaces.isDocs(s) ? docs : Exposure.ABSENT;
            expected.put(s, settings.string(key).map(v -> Exposure.parse(v, "http.exposed-endpoints." + key))
                    .orElse(fallback));
        }
        return expected;
    }

    private static Result judge(Site site, InetAddress address, Map<Surface, Exposure> expected,
            List<Surface> catalogue, List<Declared> declared) throws Exception {
        Page baseline = NotFoundPage.fetch(site, address);
        SurfaceSweep.Sweep sweep = new SurfaceSweep(site, address, baseline).run(catalogue);
        SurfaceSweep.Sweep mine = sweep.complete()
                ? new SurfaceSweep(site, address, baseline).run(declared.stream().map(Declared::surface).toList())
                : new SurfaceSweep.Sweep(List.of(), List.of(), declared.isEmpty(), baseline.status());
        List<Observation> exposed = new ArrayList<>();
        List<Observation> failing = new ArrayList<>();
        List<Observation> guarded = new ArrayList<>();
        List<Observation> warning = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (Observation o : sweep.observations()) {
            Exposure want = expected.get(o.surface());
            switch (o.exposure()) {
                case PUBLIC -> {
                    exposed.add(o);
                    if (o.surface().secret() || want != Exposure.PUBLIC) {
                        failing.add(o);
                    }
                }
                case AUTH -> {
                    guarded.add(o);
                    if (want == Exposure.ABSENT && !o.surface().secret()) {
                        warning.add(o);
                    }
                }
                default -> absent.add(o.surface().name());
            }
        }
        List<String> declaredSeen = new ArrayList<>();
        for (int i = 0; i < mine.observations().size(); i++) {
            Observation o = mine.observations().get(i);
            String shown = declared.get(i).shown();
            if (o.exposure() == Exposure.PUBLIC) {
                failing.add(o);
                declaredSeen.add(shown + " answers " + o.status() + " without credentials");
            } else if (o.exposure() == Exposure.AUTH || o.status() == 401 || o.status() == 403) {
                declaredSeen.add(shown + " protected (" + (o.status() / 100 == 3 ? "redirects to a login"
                        : String.valueOf(o.status())) + ")");
            } else {
                String status = o.status() == 0 ? "no answer" : String.valueOf(o.status());
                declaredSeen.add(shown + " not found (" + status + ")");
            }
        }
        Result.Builder result;
        if (!failing.isEmpty()) {
            result = Result.builder(Status.FAIL).summary(publicSummary(failing)).remediation(remedies(failing, expected));
        } else if (!warning.isEmpty()) {
            result = Result.builder(Status.WARN).summary(guardedSummary(warning))
                    .remediation(remedies(warning, expected));
        } else if (!sweep.complete() || !mine.complete()) {
            result = Result.builder(Status.ERROR).summary("the deadline came after " + (sweep.observations().size()
                    + mine.observations().size()) + " of " + (catalogue.size() + declared.size())
                    + " surfaces; nothing exposed among them");
        } else {
            result = Result.builder(Status.PASS).summary(passSummary(exposed, guarded));
        }
        result.subject(site.endpoint())
                .detail("exposed", exposed.stream().map(Observation::describe).toList())
                .detail("protected", guarded.stream().map(Observation::describe).toList())
                .detail("absent", absent)
                .detail("notFoundStatus", sweep.baselineStatus());
        List<String> unusual = new ArrayList<>();
        expected.forEach((s, e) -> {
            if (e != Exposure.ABSENT) {
                unusual.add(s.name() + "=" + e.label());
            }
        });
        if (!unusual.isEmpty()) {
            result.detail("expected", unusual);
        }
        if (!declaredSeen.isEmpty()) {
            result.detail("declared", declaredSeen);
        }
        List<String> unanswered = new ArrayList<>(sweep.unanswered());
        mine.unanswered().forEach(u -> unanswered.add("protected " + declared.stream()
                .filter(d -> u.endsWith(" " + d.surface().paths().get(0))).map(Declared::shown).findFirst().orElse("")));
        if (!unanswered.isEmpty()) {
            result.detail("unanswered", unanswered);
        }
        return result.build();
    }

    private static String publicSummary(List<Observation> failing) {
        Observation first = failing.get(0);
        int more = failing.size() - 1;
        String what = first.surface().ask() == Surface.Ask.ANONYMOUS_GET
                ? first.surface().title() + " answers " + first.status() + " without credentials"
                : first.surface().title() + " is served publicly at " + first.path();
        return what + (more > 0 ? " (and " + more + " more exposed surface" + (more > 1 ? "s" : "") + ")" : "");
    }

    private static String guardedSummary(List<Observation> warning) {
        Observation first = warning.get(0);
        int more = warning.size() - 1;
        return first.surface().title() + " is reachable behind authentication at " + first.path() + " (answers "
                + (first.status() / 100 == 3 ? "with a redirect to a login" : String.valueOf(first.status()))
                + ") where none is expected" + (more > 0 ? " (and " + more + " more)" : "");
    }

    private static String passSummary(List<Observation> exposed, List<Observation> guarded) {
        StringBuilder s = new StringBuilder("no API docs, debug or admin endpoint or secret file is served publicly");
        List<String> notes = new ArrayList<>();
        if (!exposed.isEmpty()) {
            notes.add(exposed.size() + " public as expected");
        }
        if (!guarded.isEmpty()) {
            notes.add(guarded.size() + " protected");
        }
        if (!notes.isEmpty()) {
            s.append(" (").append(String.join(", ", notes)).append(')');
        }
        return s.toString();
    }

    private static String remedies(List<Observation> problems, Map<Surface, Exposure> expected) {
        Set<String> remedies = new LinkedHashSet<>();
        for (Observation o : problems) {
            remedies.add(o.surface().remediation());
            if (o.surface().secret() && expected.get(o.surface()) == Exposure.PUBLIC) {
                remedies.add("expect." + o.surface().name() + " = public cannot make it acceptable: it hands out"
                        + " secrets.");
            }
            if (o.exposure() == Exposure.AUTH) {
                remedies.add("If it is meant to stay behind authentication, set http.exposed-endpoints.expect."
                        + o.surface().name() + " = auth.");
            }
        }
        return String.join(" ", remedies);
    }
}
