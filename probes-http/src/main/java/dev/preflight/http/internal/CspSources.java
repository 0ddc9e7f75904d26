package dev.preflight.http.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a CSP source list lets through, judged as CSP Level 3 does: keywords compare without case,
 * {@code 'unsafe-inline'} is void beside a nonce or hash (or {@code 'strict-dynamic'}), and host and
 * scheme sources are void beside {@code 'strict-dynamic'}.
 */
public final class CspSources {
    /** Sources that match any host: the wildcard and bare schemes anyone can serve from. */
    private static final Set<String> BROAD = Set.of("*", "http:", "https:", "data:", "http://*", "https://*");

    private CspSources() {
    }

    /**
     * @param sources a script source list
     * @return whether it allows inline scripts and event handlers
     */
    public static boolean allowsInline(List<String> sources) {
        return has(sources, "'unsafe-inline'") && !has(sources, "'strict-dynamic'")
                && sources.stream().map(CspSources::lower).noneMatch(s -> s.startsWith("'nonce-")
                        || s.startsWith("'sha256-") || s.startsWith("'sha384-") || s.startsWith("'sha512-"));
    }

    /**
     * @param sources a script source list
     * @return whether it allows {@code eval()} and its kin
     */
    public static boolean allowsEval(List<String> sources) {
        return has(sources, "'unsafe-eval'");
    }

    /**
     * @param sources a source list
     * @return the sources in it that match any host ({@code *}, {@code https:}, {@code data:}…), as sent
     */
    public static List<String> broad(List<String> sources) {
        if (has(sources, "'strict-dynamic'")) {
            return List.of();
        }
        return sources.stream().filter(s -> BROAD.contains(lower(s))).toList();
    }

    /**
     * @param sources a {@code frame-ancestors} source list
     * @return whether it keeps arbitrary sites from framing the page; an empty list means {@code 'none'}
     */
    public static boolean restrictsFraming(List<String> sources) {
        return sources.stream().map(CspSources::lower).noneMatch(s -> BROAD.contains(s) && !s.equals("data:"));
    }

    private static boolean has(List<String> sources, String keyword) {
        return sources.stream().anyMatch(s -> s.equalsIgnoreCase(keyword));
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
