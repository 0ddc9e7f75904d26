package dev.preflight.http.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The endpoint a probe is configured to call: a path resolved against the target URL, or a full URL
 * on the target's host (another port or scheme is allowed: a management port is common for health
 * endpoints). Credentials in it are refused, since they would end up in reports; the target URL's
 * own credentials are sent where they belong.
 */
public final class EndpointUrl {

    private EndpointUrl() {
    }

    /**
     * @param site the site
     * @param value a path such as {@code /health}, or an {@code http(s)} URL on the site's host
     * @return the absolute URL, or empty if it names another host, carries credentials or does not parse
     */
    public static Optional<URI> resolve(Site site, String value) {
        URI uri;
        try {
            uri = site.resolve(value.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean web = scheme.equals("http") || scheme.equals("https");
        if (!web || uri.getHost() == null || uri.getRawUserInfo() != null
                || !Hosts.forUrl(uri.getHost()).equalsIgnoreCase(Hosts.forUrl(site.host()))) {
            return Optional.empty();
        }
        return Optional.of(uri);
    }

    /**
     * @param url an endpoint's URL
     * @return it without user info, its query shown as {@code ?…} since a query may hold a token
     */
    public static String shown(URI url) {
        String authority = url.getRawAuthority() == null ? "" : "//" + url.getRawAuthority().replaceFirst("^.*@", "");
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getScheme() + ":" + authority + path + (url.getRawQuery() == null ? "" : "?…");
    }

    /**
     * @param url an endpoint's URL
     * @return its path, with {@code ?…} for a query, for summaries
     */
    public static String path(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return path + (url.getRawQuery() == null ? "" : "?…");
    }
}
