package dev.preflight.http.internal.assets;

import dev.preflight.http.internal.Page;
import dev.preflight.http.internal.Shorten;
import java.util.Locale;
import java.util.Optional;

/**
 * Which CDN or cache answered, as its response headers show: Cloudflare ({@code cf-ray},
 * {@code Server: cloudflare}), CloudFront ({@code x-amz-cf-id}), Fastly ({@code x-fastly-request-id},
 * {@code x-served-by: cache-…}), Akamai ({@code x-akamai-*}, {@code Server: AkamaiGHost}), Vercel,
 * Netlify, Azure Front Door, else any proxy cache ({@code x-cache}, {@code Via}). Information only.
 */
public final class CdnHeaders {

    private CdnHeaders() {
    }

    /**
     * @param page an answer
     * @return the CDN's name, or a short note on the cache headers, or empty when none shows
     */
    public static Optional<String> of(Page page) {
        String server = page.header("Server").orElse("").toLowerCase(Locale.ROOT);
        if (page.header("cf-ray").isPresent() || server.equals("cloudflare")) {
            return Optional.of("Cloudflare");
        }
        if (page.header("x-amz-cf-id").isPresent() || page.header("x-amz-cf-pop").isPresent()) {
            return Optional.of("Amazon CloudFront");
        }
        if (page.header("x-fastly-request-id").isPresent()
                || page.header("x-served-by").orElse("").toLowerCase(Locale.ROOT).startsWith("cache-")) {
            return Optional.of("Fastly");
        }
        boolean akamai = page.headers().stream().anyMatch(h -> h.name().toLowerCase(Locale.ROOT).startsWith("x-akamai-"));
        if (akamai || server.contains("akamaighost")) {
            return Optional.of("Akamai");
        }
        if (page.header("x-vercel-id").isPresent()) {
            return Optional.of("Vercel");
        }
        if (page.header("x-nf-request-id").isPresent()) {
            return Optional.of("Netlify");
        }
        if (page.header("x-azure-ref").isPresent()) {
            return Optional.of("Azure Front Door");
        }
        Optional<String> cache = page.header("x-cache").or(() -> page.header("Via"));
        return cache.map(v -> "a proxy cache (" + Shorten.to(v.strip(), 60) + ")");
    }
}
