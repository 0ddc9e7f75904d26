package dev.preflight.http.internal;

import dev.preflight.probe.InvalidSettingException;
import dev.preflight.support.IpAddresses;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Paths a probe is configured with, and how a page's URL is shown in its summaries. */
public final class SitePaths {

    private SitePaths() {
    }

    /**
     * A configured path or URL on the site. Another port or scheme is allowed (a management port is
     * common for health endpoints); credentials are refused, since they would end up in reports.
     *
     * @param site the site
     * @param path a path such as {@code /api/orders}, or a URL on the site's host
     * @return the absolute URL, or empty if it names another host, carries credentials or does not parse
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
        return web && uri.getHost() != null && uri.getRawUserInfo() == null
                && IpAddresses.forUrl(uri.getHost()).equalsIgnoreCase(IpAddresses.forUrl(site.host()))
                ? Optional.of(uri) : Optional.empty();
    }

    /**
     * Reads a probe's list setting of paths, e.g. {@code http.cors.paths}.
     *
     * @param site the site
     * @param key the setting's key relative to the probe
     * @return the URLs, in order
     * @throws InvalidSettingException naming the setting and the entry that is not a path on the site
     */
    public static List<URI> listed(Site site, String key) {
        List<URI> urls = new ArrayList<>();
        for (String path : site.context().settings().list(key)) {
            urls.add(resolve(site, path).orElseThrow(() -> site.context().settings().invalid(key,
                    "lists '" + path + "', which is not a path on " + site.host())));
        }
        return List.copyOf(urls);
    }

    /**
     * @param url an endpoint's URL
     * @return its path, with {@code ?…} for a query, for summaries
     */
    public static String path(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return path + (url.getRawQuery() == null ? "" : "?…");
    }

    /**
     * @param site the site
     * @param url a page's URL
     * @return its path on the target's own origin, else the URL; a query as {@code ?…}, since it may
     *     hold a token, as {@link #path} and {@link #shown} show it
     */
    public static String where(Site site, URI url) {
        boolean sameOrigin = url.getScheme().equalsIgnoreCase(site.url().getScheme())
                && url.getHost() != null && url.getHost().equalsIgnoreCase(site.url().getHost())
                && Site.port(url) == site.port();
        return sameOrigin ? path(url) : shown(url);
    }

    /**
     * @param url any URL, e.g. a redirect's target
     * @return it without credentials, its query shown as {@code ?…} since it may hold a token
     */
    public static String shown(URI url) {
        return withoutQuery(url) + (url.getRawQuery() == null ? "" : "?…");
    }

    private static String withoutQuery(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT) + ":";
        String authority = url.getRawAuthority() == null ? "" : "//" + url.getRawAuthority().replaceFirst("^.*@", "");
        return scheme + authority + (url.getRawPath() == null ? "" : url.getRawPath());
    }
}
