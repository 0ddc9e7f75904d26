package dev.preflight.payments.internal;

import java.util.Locale;
import okhttp3.HttpUrl;

/**
 * A webhook URL as Stripe stores it or as the target names it, compared the way a browser would
 * treat two addresses as one: scheme and host case-insensitive, the default port implied, a
 * trailing slash ignored. The query counts for equality but is never shown: it may carry a token.
 */
public final class WebhookUrl {
    private final String raw;
    private final HttpUrl parsed;

    private WebhookUrl(String raw, HttpUrl parsed) {
        this.raw = raw;
        this.parsed = parsed;
    }

    /**
     * @param text a URL as configured or as listed by Stripe
     * @return the URL; {@link #isUrl()} says whether it parsed as http(s)
     */
    public static WebhookUrl of(String text) {
        String stripped = text == null ? "" : text.strip();
        return new WebhookUrl(stripped, HttpUrl.parse(stripped));
    }

    /** @return whether the text is an http:// or https:// URL */
    public boolean isUrl() {
        return parsed != null;
    }

    /** @return whether the URL uses https */
    public boolean isHttps() {
        return parsed != null && parsed.isHttps();
    }

    /**
     * @param other another URL
     * @return whether both name the same address after normalisation
     */
    public boolean sameAs(WebhookUrl other) {
        return normalised().equals(other.normalised());
    }

    /** @return scheme, lower-case host, port unless default, path without trailing slash, query */
    String normalised() {
        if (parsed == null) {
            return raw.toLowerCase(Locale.ROOT);
        }
        String query = parsed.encodedQuery();
        return origin() + path() + (query == null ? "" : "?" + query);
    }

    /**
     * @return the URL without user information and with any query shown as {@code ?…}; a known secret
     *     in its path is left to the runner, which redacts every result
     */
    public String shown() {
        if (parsed == null) {
            return "(not a URL)";
        }
        return origin() + path() + (parsed.encodedQuery() == null ? "" : "?…");
    }

    private String origin() {
        boolean defaultPort = parsed.port() == HttpUrl.defaultPort(parsed.scheme());
        return parsed.scheme() + "://" + parsed.host() + (defaultPort ? "" : ":" + parsed.port());
    }

    private String path() {
        String path = parsed.encodedPath().replaceAll("/+$", "");
        return path.isEmpty() ? "/" : path;
    }

    @Override
    public String toString() {
        return shown();
    }
}
