package dev.preflight.http.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

/**
 * Something a production site should not serve to anyone: API docs, a debug or admin endpoint, a
 * file of secrets. Paths are tried in order; the fingerprint proves that the real thing answered,
 * not a catch-all page.
 *
 * @param name the key in settings ({@code expect.<name>}) and details, e.g. {@code dotenv}
 * @param title what it is, for summaries, e.g. {@code .env file}
 * @param secret whether it hands out secrets: public is then a FAIL whatever the settings say
 * @param paths where it lives, tried in order
 * @param fingerprint true for a body only the real thing serves
 * @param ask how to ask for it
 * @param remediation what to change when it is exposed
 * @param loginPage for a surface whose login page has a fingerprint of its own (Django's admin), true
 *     for that page: a redirect to a login then counts as protected only when it leads to this page,
 *     and this page answered 2xx counts as protected, not public; null for a surface where any login
 *     redirect counts
 */
public record Surface(String name, String title, boolean secret, List<String> paths, Predicate<String> fingerprint,
        Ask ask, String remediation, Predicate<String> loginPage) {
    /** The smallest introspection query: read-only, answered with type names only. */
    static final String INTROSPECTION = "{\"query\":\"{__schema{types{name}}}\"}";

    /** How a surface is asked for. */
    public enum Ask {
        /** A GET of the path. */
        GET,
        /** A POST of a GraphQL introspection query, an ordinary read-only query. */
        GRAPHQL_INTROSPECTION,
        /**
         * A GET of the parent path, an index that lists the surface: for endpoints that must not be
         * fetched. Only a public index says anything; a protected one says nothing about the entry.
         */
        INDEX_ENTRY,
        /**
         * A GET of the path without the target URL's credentials: for paths that must refuse an
         * anonymous caller, whatever the credentials Preflight was given.
         */
        ANONYMOUS_GET
    }

    /** Copies the paths. */
    public Surface {
        paths = List.copyOf(paths);
    }

    /**
     * A surface where any redirect to a login page counts as protected.
     *
     * @param name the key in settings and details
     * @param title what it is, for summaries
     * @param secret whether it hands out secrets
     * @param paths where it lives, tried in order
     * @param fingerprint true for a body only the real thing serves
     * @param ask how to ask for it
     * @param remediation what to change when it is exposed
     */
    public Surface(String name, String title, boolean secret, List<String> paths, Predicate<String> fingerprint,
            Ask ask, String remediation) {
        this(name, title, secret, paths, fingerprint, ask, remediation, null);
    }

    /**
     * @param site the site
     * @param path one of {@link #paths}
     * @return the request that asks for it
     */
    public PageRequest request(Site site, String path) {
        return switch (ask) {
            case GET -> site.get(site.resolve(path));
            case ANONYMOUS_GET -> PageRequest.get(site.resolve(path));
            case INDEX_ENTRY -> site.get(site.resolve(path.substring(0, Math.max(1, path.lastIndexOf('/')))));
            case GRAPHQL_INTROSPECTION -> {
                PageRequest get = site.get(site.resolve(path)).withHeader("Accept", "application/json");
                yield new PageRequest("POST", get.url(), get.headers(), INTROSPECTION.getBytes(StandardCharsets.UTF_8));
            }
        };
    }
}
