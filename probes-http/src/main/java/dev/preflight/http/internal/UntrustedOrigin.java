package dev.preflight.http.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * An origin a site must not trust, sent in {@code Origin} to see whether the site lets it read: one
 * nobody owns, {@code null}, and the two near-misses that catch classic origin-check mistakes.
 *
 * @param origin the value sent in the {@code Origin} header
 * @param kind which mistake trusting it reveals
 */
public record UntrustedOrigin(String origin, Kind kind) {
    /** An origin under the reserved {@code .invalid} top-level domain (RFC 2606): nobody can own it. */
    public static final String ARBITRARY = "https://evil.preflight.invalid";

    /** What trusting the origin reveals. */
    public enum Kind {
        /** Any origin is echoed back. */
        ARBITRARY,
        /** {@code Origin: null} (sandboxed iframes, {@code data:} URLs, local files) is allowed. */
        NULL,
        /** The check tests a prefix: {@code https://HOST.evil.invalid} passes. */
        PREFIX,
        /** The check tests a suffix without the dot: {@code https://evilHOST} passes. */
        SUFFIX
    }

    /**
     * @param host the site's host
     * @return the origins to send, the arbitrary one first; no near-misses for an IPv6 literal
     */
    public static List<UntrustedOrigin> forHost(String host) {
        List<UntrustedOrigin> origins = new ArrayList<>(List.of(new UntrustedOrigin(ARBITRARY, Kind.ARBITRARY),
                new UntrustedOrigin("null", Kind.NULL)));
        if (!host.contains(":")) {
            origins.add(new UntrustedOrigin("https://" + host + ".evil.invalid", Kind.PREFIX));
            origins.add(new UntrustedOrigin("https://evil" + host, Kind.SUFFIX));
        }
        return List.copyOf(origins);
    }
}
