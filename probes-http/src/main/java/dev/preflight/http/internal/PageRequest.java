package dev.preflight.http.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A request a probe wants answered, and the key under which the answer is shared: two probes asking
 * the same request of the same address get one exchange.
 *
 * @param method e.g. {@code GET}, {@code HEAD}, {@code OPTIONS}
 * @param url an absolute {@code http} or {@code https} URL, without user info
 * @param headers request headers beyond the defaults, in order
 * @param body a request body, or null for none
 */
public record PageRequest(String method, URI url, List<HeaderField> headers, byte[] body) {

    /** Validates and copies. */
    public PageRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = List.copyOf(headers);
    }

    /**
     * @param url the URL to get
     * @return a plain GET
     */
    public static PageRequest get(URI url) {
        return new PageRequest("GET", url, List.of(), null);
    }

    /**
     * @param name a header name
     * @param value its value
     * @return this request with that header added
     */
    public PageRequest withHeader(String name, String value) {
        List<HeaderField> more = new ArrayList<>(headers);
        more.add(new HeaderField(name, value));
        return new PageRequest(method, url, more, body);
    }

    /**
     * @param newMethod the method
     * @return this request with another method
     */
    public PageRequest withMethod(String newMethod) {
        return new PageRequest(newMethod, url, headers, body);
    }

    /**
     * @param newBody the body to send; its type is the request's {@code Content-Type} header, JSON without one
     * @return this request with that body
     */
    public PageRequest withBody(byte[] newBody) {
        return new PageRequest(method, url, headers, newBody.clone());
    }

    /** @return what identifies this request among a target's shared values */
    public String key() {
        StringBuilder key = new StringBuilder(method).append(' ').append(url);
        headers.forEach(h -> key.append('|').append(h.name()).append('=').append(h.value()));
        if (body != null) {
            key.append("|body#").append(java.util.Arrays.hashCode(body)).append('/').append(body.length);
        }
        return key.toString();
    }
}
