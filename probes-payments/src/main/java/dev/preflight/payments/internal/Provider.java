package dev.preflight.payments.internal;

import dev.preflight.probe.InvalidSettingException;
import dev.preflight.probe.Target;
import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;

/** A payment provider's API: where it lives and how it names a request for its support team. */
public enum Provider {
    /** Stripe; every response carries {@code Request-Id} (https://docs.stripe.com/api/request_ids). */
    STRIPE("Stripe", "https://api.stripe.com", "Request-Id"),
    /** Razorpay; its API reference documents no request id header (https://razorpay.com/docs/api/). */
    RAZORPAY("Razorpay", "https://api.razorpay.com", null);

    /** The target attribute that replaces the default API base: a proxy, or a stand-in in tests. */
    public static final String API_BASE = "api-base";

    private final String displayName;
    private final String defaultBase;
    private final String requestIdHeader;

    Provider(String displayName, String defaultBase, String requestIdHeader) {
        this.displayName = displayName;
        this.defaultBase = defaultBase;
        this.requestIdHeader = requestIdHeader;
    }

    /** @return e.g. {@code Stripe} */
    public String displayName() {
        return displayName;
    }

    /** @return the response header that identifies a request, if the provider documents one */
    public Optional<String> requestIdHeader() {
        return Optional.ofNullable(requestIdHeader);
    }

    /**
     * @param target a target of this provider
     * @return the API base: the attribute {@code api-base}, or the provider's public API
     * @throws InvalidSettingException when the attribute is not an http(s) URL
     */
    public HttpUrl base(Target target) {
        String text = target.attribute(API_BASE).map(String::strip).filter(s -> !s.isEmpty()).orElse(defaultBase);
        HttpUrl url = HttpUrl.parse(text);
        if (url == null) {
            throw new InvalidSettingException(API_BASE, "must be an https:// URL such as " + defaultBase);
        }
        return url;
    }

    /**
     * @param base the API base
     * @param path e.g. {@code v1/account}, appended to the base's own path
     * @return the URL of the endpoint
     */
    public static HttpUrl endpoint(HttpUrl base, String path) {
        return base.newBuilder().addPathSegments(path).build();
    }

    @Override
    public String toString() {
        return displayName.toLowerCase(Locale.ROOT);
    }
}
