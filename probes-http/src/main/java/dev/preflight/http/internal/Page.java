package dev.preflight.http.internal;

import dev.preflight.net.TlsSession;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP exchange as the server answered it, immutable: status, every header line in order, the
 * body up to a size cap (gzip already undone, the raw {@code Content-Encoding} kept), and the TLS
 * session for {@code https}. Redirects are not followed: a 301 is a page with a {@code Location}.
 *
 * @param request what was asked
 * @param address the address that answered
 * @param status the HTTP status code
 * @param protocol e.g. {@code http/1.1}, {@code h2}
 * @param headers the header lines, in order, duplicates kept
 * @param body the body, decoded from gzip, at most the cap
 * @param truncated whether the body was longer than the cap
 * @param tls the TLS session, or null over plain HTTP
 * @param elapsed from starting the call (connection and handshake included when it made one) to reading the body
 * @param firstByte from sending the request to the first byte of the answer: the server's time alone
 */
public record Page(PageRequest request, InetAddress address, int status, String protocol, List<HeaderField> headers,
        byte[] body, boolean truncated, TlsSession tls, Duration elapsed, Duration firstByte) {
    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([\\w.:-]+)");

    /** Copies the header list. */
    public Page {
        headers = List.copyOf(headers);
    }

    /** @return the URL that was requested */
    public URI url() {
        return request.url();
    }

    /**
     * @param name a header name, any case
     * @return the first value of that header
     */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.is(name)).map(HeaderField::value).findFirst();
    }

    /**
     * @param name a header name, any case
     * @return every value of that header, one per header line, in order
     */
    public List<String> headers(String name) {
        return headers.stream().filter(h -> h.is(name)).map(HeaderField::value).toList();
    }

    /** @return whether the status is a redirect with a {@code Location} */
    public boolean isRedirect() {
        return status >= 300 && status < 400 && header("Location").isPresent();
    }

    /** @return the redirect's target resolved against the request URL, if this is a redirect */
    public Optional<URI> location() {
        if (!isRedirect()) {
            return Optional.empty();
        }
        try {
            return Optional.of(url().resolve(header("Location").orElseThrow().strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** @return the media type without parameters, lower case, or empty */
    public String mediaType() {
        String type = header("Content-Type").orElse("");
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** @return the body as text in its declared charset (UTF-8 when none or unknown) */
    public String text() {
        Charset charset = StandardCharsets.UTF_8;
        Matcher m = CHARSET.matcher(header("Content-Type").orElse(""));
        if (m.find()) {
            try {
                charset = Charset.forName(m.group(1));
            } catch (IllegalArgumentException e) {
                // An unknown charset: read it as UTF-8 rather than fail.
            }
        }
        return new String(body, charset);
    }

    /** @return where this page came from, e.g. {@code https://shop.example.com/ via 10.0.0.2} */
    public String describe() {
        return request.method() + " " + url() + " (" + address.getHostAddress() + ")";
    }
}
