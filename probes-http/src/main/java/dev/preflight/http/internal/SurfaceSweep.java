package dev.preflight.http.internal;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Asks one address of a site for every surface of a catalogue, one request at a time over the
 * address's shared connection, and says how exposed each one is. A 401 or 403 counts as protected
 * only when the site does not answer so to every path; a 200 counts as public only with the
 * surface's fingerprint and a body other than the site's catch-all page. Redirects within the host
 * are followed (three at most); a redirect to a login page counts as protected (for a surface with a
 * login page of its own, only when it leads to that page).
 */
public final class SurfaceSweep {
    private static final int MAX_HOPS = 3;

    /**
     * How exposed one surface is at one address.
     *
     * @param surface the surface
     * @param exposure what its answers showed
     * @param path the path that showed it; for an absent surface the first path that answered, else the first path
     * @param status the HTTP status that showed it (for an absent surface, the first answer's), 0 if none answered
     */
    public record Observation(Surface surface, Exposure exposure, String path, int status) {
        /** @return e.g. {@code dotenv /.env}, or {@code actuator /actuator (401)} for a protected one */
        public String describe() {
            if (exposure != Exposure.AUTH) {
                return surface.name() + " " + path;
            }
            return surface.name() + " " + path + " (" + (status / 100 == 3 ? "redirects to a login" : status) + ")";
        }
    }

    /**
     * What one address showed.
     *
     * @param observations one per surface asked about, in catalogue order
     * @param unanswered surfaces whose requests got no HTTP answer (reset, refused), as {@code name path}
     * @param complete false when the deadline came before every surface was asked
     * @param baselineStatus what the site answered for a path that cannot exist
     */
    public record Sweep(List<Observation> observations, List<String> unanswered, boolean complete, int baselineStatus) {
    }

    private final Site site;
    private final InetAddress address;
    private final Page baseline;
    private final boolean siteWideAuth;

    /**
     * @param site the site
     * @param address the address to ask
     * @param baseline the answer for a path that cannot exist, from {@link NotFoundPage}
     */
    public SurfaceSweep(Site site, InetAddress address, Page baseline) {
        this.site = site;
        this.address = address;
        this.baseline = baseline;
        this.siteWideAuth = deniesOrAsksLogin(baseline);
    }

    /**
     * @param surfaces the surfaces to ask about
     * @return what the address showed
     * @throws InterruptedException if the probe was cancelled
     * @throws Exception if the site could not be reached at all
     */
    public Sweep run(List<Surface> surfaces) throws Exception {
        List<Observation> observations = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        for (Surface surface : surfaces) {
            Observation best = new Observation(surface, Exposure.ABSENT, surface.paths().get(0), 0);
            for (String path : surface.paths()) {
                if (site.context().remaining().isZero()) {
                    observations.add(best);
                    return new Sweep(observations, unanswered, false, baseline.status());
                }
                Observation seen;
                try {
                    seen = observe(surface, path);
                } catch (Exception e) {
                    if (PathFailure.of(e, site.context()) == PathFailure.DEADLINE) {
                        observations.add(best);
                        return new Sweep(observations, unanswered, false, baseline.status());
                    }
                    unanswered.add(surface.name() + " " + path);
                    continue;
                }
                boolean firstAnswer = best.status() == 0 && seen.exposure() == best.exposure();
                if (seen.exposure().compareTo(best.exposure()) > 0 || firstAnswer) {
                    best = seen;
                }
                if (best.exposure() == Exposure.PUBLIC) {
                    break;
                }
            }
            observations.add(best);
        }
        return new Sweep(observations, unanswered, true, baseline.status());
    }

    private Observation observe(Surface surface, String path) throws Exception {
        Page page = site.fetch(address, surface.request(site, path), NotFoundPage.BODY_CAP);
        boolean toLogin = false;
        for (int hop = 0; hop < MAX_HOPS && surface.ask() != Surface.Ask.GRAPHQL_INTROSPECTION; hop++) {
            URI next = page.location().orElse(null);
            toLogin = next != null && LoginLocations.isLogin(next);
            if (next == null || toLogin || !sameHost(next)) {
                break;
            }
            page = follow(surface, next);
        }
        if (toLogin && surface.loginPage() != null) {
            // Any admin redirects to a login: only the surface's own login page says which admin it is.
            URI login = page.location().orElseThrow();
            Page loginPage = sameHost(login) ? follow(surface, login) : null;
            boolean own = loginPage != null && exposure(surface, loginPage, false) == Exposure.AUTH;
            return new Observation(surface, own ? Exposure.AUTH : Exposure.ABSENT, path, page.status());
        }
        return new Observation(surface, exposure(surface, page, toLogin), path, page.status());
    }

    private Page follow(Surface surface, URI next) throws Exception {
        PageRequest request = surface.ask() == Surface.Ask.ANONYMOUS_GET ? PageRequest.get(next) : site.get(next);
        return site.fetch(address, request, NotFoundPage.BODY_CAP);
    }

    private Exposure exposure(Surface surface, Page page, boolean toLogin) {
        if (page.status() >= 200 && page.status() < 300) {
            if (NotFoundPage.isSameAs(baseline, page)) {
                return Exposure.ABSENT;
            }
            if (surface.fingerprint().test(page.text())) {
                return Exposure.PUBLIC;
            }
            boolean login = surface.loginPage() != null && surface.loginPage().test(page.text());
            return login && !siteWideAuth ? Exposure.AUTH : Exposure.ABSENT;
        }
        boolean guarded = (toLogin || page.status() == 401 || page.status() == 403) && !siteWideAuth;
        return guarded && surface.ask() != Surface.Ask.INDEX_ENTRY ? Exposure.AUTH : Exposure.ABSENT;
    }

    private static boolean deniesOrAsksLogin(Page page) {
        return page.status() == 401 || page.status() == 403 || page.location().map(LoginLocations::isLogin).orElse(false);
    }

    /** Same host over either scheme: an {@code http://} target's redirects to its HTTPS side are followed. */
    private boolean sameHost(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                && uri.getHost().equalsIgnoreCase(site.url().getHost());
    }
}
