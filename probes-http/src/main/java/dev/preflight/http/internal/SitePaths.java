package dev.preflight.http.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** Paths a probe is configured with, and how a page's URL is shown in its summaries. */
public final class SitePaths {

    private SitePaths() {
    }

    /**
     * @param site the site
     * @param path a path such as {@code /api/orders}, or a URL on the site's host
     * @return the absolute URL, or empty if the text is not a path or names another host
     */
    public static Optional<URI> resolve(Site site, String path) {
        URI uri;
        try {
            uri = site.resolve(path.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean web = scheme.equals("http") || scheme.equals("https");
        return web && uri.getHost() != null && uri.getHost().equalsIgnoreCase(site.url().getHost())
                && uri.getRawUserInfo() == null ? Optional.of(uri) : Optional.empty();
    }

    /**
     * @param site the site
     * @param url a page's URL
     * @return its path on the target's own origin, else the URL; never the query, which may hold a token
     */
    public static String where(Site site, URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        boolean sameOrigin = url.getScheme().equalsIgnoreCase(site.url().getScheme())
                && url.getHost() != null && url.getHost().equalsIgnoreCase(site.url().getHost())
                && Site.port(url) == site.port();
        return site.context().redactor().redact(sameOrigin ? path : withoutQuery(url));
    }

    /**
     * @param site the site, for its redactor
     * @param url any URL, e.g. a redirect's target
     * @return the URL without credentials, its query shown as {@code ?…} since it may hold a token
     */
    public static String shown(Site site, URI url) {
        return site.context().redactor().redact(withoutQuery(url) + (url.getRawQuery() == null ? "" : "?…"));
    }

    private static String withoutQuery(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT) + ":";
        String authority = url.getRawAuthority() == null ? "" : "//" + url.getRawAuthority().replaceFirst("^.*@", "");
        return scheme + authority + (url.getRawPath() == null ? "" : url.getRawPath());
    }
}
