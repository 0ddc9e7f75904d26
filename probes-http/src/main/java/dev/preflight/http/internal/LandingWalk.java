package dev.preflight.http.internal;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Follows a site's redirects to its document, one explicit request per hop, and only within the
 * site: its own host (any scheme or port) or its {@code www} twin. A redirect elsewhere is reported,
 * not fetched, so another site's answer is never judged as this one's; a loop or a chain longer than
 * {@value #MAX_REDIRECTS} redirects is reported too. Hops go where {@link Nodes} says: never to a
 * link-local or cloud-metadata address unless the target itself is one.
 */
final class LandingWalk {
    /** The most redirects followed. */
    static final int MAX_REDIRECTS = 5;

    private LandingWalk() {
    }

    /**
     * @param hops every answer, the first to the target URL
     * @param problem why the last hop is not the document, or empty when it is
     */
    record Walked(List<Page> hops, Optional<NoDocumentException> problem) {
    }

    static Walked walk(Site site, InetAddress address) throws Exception {
        RedirectHosts twins = new RedirectHosts(site.host(), List.of());
        List<Page> hops = new ArrayList<>();
        Set<String> visited = new LinkedHashSet<>();
        List<String> shown = new ArrayList<>();
        URI url = site.url();
        visited.add(key(url));
        shown.add(brief(url));
        Page page = site.landing(address);
        hops.add(page);
        while (page.isRedirect()) {
            URI next = page.location().orElse(null);
            if (next == null || next.getHost() == null || !isWeb(next)) {
                break;
            }
            if (!visited.add(key(next))) {
                return ended(hops, new NoDocumentException(SitePaths.shown(site.url()) + " redirects in a loop ("
                        + String.join(" → ", shown) + " → " + brief(next) + "), so there is no page to judge",
                        "Fix the redirect rules so that the URL ends at a page that answers 200."));
            }
            if (hops.size() > MAX_REDIRECTS) {
                return ended(hops, new NoDocumentException(SitePaths.shown(site.url()) + " redirects more than "
                        + MAX_REDIRECTS + " times, so there is no page to judge", "Redirect once, straight to the page."));
            }
            if (twins.accepts(next.getHost()).isEmpty()) {
                return ended(hops, offSite(site, next));
            }
            InetAddress hop;
            try {
                hop = Nodes.addressFor(site, address, next);
            } catch (NoDocumentException e) {
                return ended(hops, e);
            }
            page = site.fetch(hop, site.get(next));
            hops.add(page);
            shown.add(brief(next));
        }
        return new Walked(List.copyOf(hops), Optional.empty());
    }

    private static NoDocumentException offSite(Site site, URI next) {
        String where = next.getScheme().toLowerCase(Locale.ROOT) + "://" + next.getHost().toLowerCase(Locale.ROOT)
                + (next.getPort() > 0 ? ":" + next.getPort() : "") + "/";
        return new NoDocumentException(SitePaths.shown(site.url()) + " redirects to another site, " + where
                + ", so there is no page of this site to judge", "Point the target at a page of the site itself, or"
                        + " add " + where + " as a target of its own.");
    }

    private static Walked ended(List<Page> hops, NoDocumentException problem) {
        return new Walked(List.copyOf(hops), Optional.of(problem));
    }

    /** Scheme, host, port and path: what makes two hops the same request. */
    private static String key(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":"
                + Site.port(uri) + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Host and path, the query shown as {@code ?…} since it may hold a token. */
    private static String brief(URI uri) {
        return uri.getHost().toLowerCase(Locale.ROOT) + SitePaths.path(uri);
    }

    private static boolean isWeb(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }
}
