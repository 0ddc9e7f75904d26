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
 */
public record Surface(String name, String title, boolean secret, List<String> paths, Predicate<String> fingerprint,
        Ask ask, String remediation) {
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
        INDEX_ENTRY
    }

    /** Copies the paths. */
    public Surface {
        paths = List.copyOf(paths);
    }

    /**
     * @param site the site
     * @param path one of {@link #paths}
     * @return the request that asks for it
     */
    public PageRequest request(Site site, String path) {
        return switch (ask) {
            case GET -> site.get(site.resolve(path));
            case INDEX_ENTRY -> site.get(site.resolve(path.substring(0, Math.max(1, path.lastIndexOf('/')))));
            case GRAPHQL_INTROSPECTION -> {
                PageRequest get = site.get(site.resolve(path)).withHeader("Accept", "application/json");
                yield new PageRequest("POST", get.url(), get.headers(), INTROSPECTION.getBytes(StandardCharsets.UTF_8));
            }
        };
    }
}
