package dev.preflight.http.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which hosts a redirect of a site may lead to: the site's own host; its {@code www.} variant, or
 * the apex when the site is the {@code www.} host (the one hop between them that sites commonly
 * make); and hosts the user lists, by exact name. Anything else sends visitors elsewhere, which a
 * redirect to HTTPS should not do. Immutable and thread-safe.
 */
public final class RedirectHosts {
    private final String host;
    private final Set<String> allowed;

    /**
     * @param host the site's host
     * @param allowed more host names a redirect may lead to, any case
     */
    public RedirectHosts(String host, List<String> allowed) {
        this.host = normalise(host);
        this.allowed = Set.copyOf(allowed.stream().map(RedirectHosts::normalise).toList());
    }

    /**
     * @param other the host a redirect leads to
     * @return how it relates to the site ({@code "same host"}, {@code "www variant"},
     *     {@code "allowed host"}), or empty when it is another site
     */
    public Optional<String> accepts(String other) {
        String h = normalise(other);
        if (h.equals(host)) {
            return Optional.of("same host");
        }
        boolean www = host.startsWith("www.");
        if (www ? host.equals("www." + h) : h.equals("www." + host)) {
            return Optional.of("www variant");
        }
        return allowed.contains(h) ? Optional.of("allowed host") : Optional.empty();
    }

    private static String normalise(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
