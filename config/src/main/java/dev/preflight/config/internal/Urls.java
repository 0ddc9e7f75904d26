package dev.preflight.config.internal;

import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.Redactor;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Parses target URLs and maps schemes to target kinds. Problems are reported as
 * {@link IllegalArgumentException}s whose messages never contain the URL's password.
 */
public final class Urls {
    private Urls() {
    }

    /**
     * @param name the target name
     * @param url the URL text
     * @return a target of the kind the scheme implies
     * @throws IllegalArgumentException for a malformed URL or an unsupported scheme
     */
    public static Target target(String name, String url) {
        return builder(name, url).build();
    }

    /**
     * @param name the target name
     * @param url the URL text
     * @return a builder for a target of the kind the scheme implies
     * @throws IllegalArgumentException for a malformed URL or an unsupported scheme
     */
    static Target.Builder builder(String name, String url) {
        URI uri = parse(url);
        TargetKind kind = kindOf(uri).orElseThrow(() -> new IllegalArgumentException("'" + display(url)
                + "' has the unsupported scheme '" + uri.getScheme()
                + "'; use https, http, postgresql, postgres, redis, rediss, smtp or smtps"));
        return Target.builder(name, kind).uri(uri);
    }

    /**
     * @param url URL text
     * @return the parsed URL, which has a scheme, a host and a valid port
     * @throws IllegalArgumentException if it has not
     */
    static URI parse(String url) {
        String shown = "'" + display(url) + "'";
        URI uri;
        try {
            uri = new URI(asciiHost(url.strip(), shown));
        } catch (URISyntaxException e) {
            // The reason, unlike the exception's message, does not repeat the input.
            throw new IllegalArgumentException(shown + " is not a valid URL (" + e.getReason()
                    + "); percent-encode special characters such as @ / # ? in user names and passwords");
        }
        if (uri.getScheme() == null) {
            throw new IllegalArgumentException(shown + " has no scheme; write it in full, e.g."
                    + " https://shop.example.com");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(shown + " has no valid host name; write scheme://host[:port][/path]"
                    + (url.contains("@") ? ", and percent-encode / # ? @ in user names and passwords" : ""));
        }
        if (uri.getPort() > 65535) {
            throw new IllegalArgumentException(shown + " has a port above 65535");
        }
        return uri;
    }

    /**
     * Writes an internationalised host name ({@code bücher.example}) in its ASCII form
     * ({@code xn--bcher-kva.example}, RFC 5891), which {@link URI} and DNS need; every other URL is
     * returned as it is.
     *
     * @param url URL text
     * @param shown the URL for messages
     * @return the URL with an ASCII host
     * @throws IllegalArgumentException if the host is not a valid internationalised domain name
     */
    static String asciiHost(String url, String shown) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int start = scheme + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        int hostStart = url.lastIndexOf('@', end - 1) >= start ? url.lastIndexOf('@', end - 1) + 1 : start;
        if (url.startsWith("[", hostStart)) {
            return url;
        }
        int colon = url.indexOf(':', hostStart);
        int hostEnd = colon >= 0 && colon < end ? colon : end;
        String host = url.substring(hostStart, hostEnd);
        if (host.chars().allMatch(c -> c < 0x80)) {
            return url;
        }
        try {
            return url.substring(0, hostStart) + IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES) + url.substring(hostEnd);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(shown + " has a host name that is not a valid internationalised domain"
                    + " name (" + e.getMessage() + ")");
        }
    }

    /**
     * A URL fit for an error message: {@link Redactor#redactUrl} alone misses passwords that hold an
     * unencoded {@code @} or URLs without {@code //}, so everything before the last {@code @} goes.
     *
     * @param url URL text
     * @return the URL without user information
     */
    static String display(String url) {
        String s = Redactor.redactUrl(url.strip());
        int at = s.lastIndexOf('@');
        if (at < 0) {
            return s;
        }
        int sep = s.indexOf("://");
        return (sep >= 0 && sep < at ? s.substring(0, sep + 3) : "") + "…@" + s.substring(at + 1);
    }

    /**
     * @param url URL text
     * @return the parsed URL, if it has a scheme, host and valid port
     */
    static Optional<URI> tryParse(String url) {
        try {
            return Optional.of(parse(url));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * @param uri a URL
     * @return the target kind its scheme implies, if supported
     */
    static Optional<TargetKind> kindOf(URI uri) {
        return TargetKind.forScheme(uri.getScheme());
    }

}
