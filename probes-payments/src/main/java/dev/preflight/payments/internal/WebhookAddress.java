package dev.preflight.payments.internal;

import dev.preflight.probe.InvalidSettingException;
import dev.preflight.probe.Target;
import java.util.Optional;
import okhttp3.HttpUrl;

/** The application's webhook endpoint, from the payment target's attribute {@code webhook-url}. */
public final class WebhookAddress {
    /** The target attribute holding the endpoint. */
    public static final String ATTRIBUTE = "webhook-url";

    private WebhookAddress() {
    }

    /**
     * @param target a payment target
     * @return the endpoint, or empty when the attribute is absent or blank
     * @throws InvalidSettingException when the attribute is not an http(s) URL
     */
    public static Optional<HttpUrl> of(Target target) {
        Optional<String> text = target.attribute(ATTRIBUTE).map(String::strip).filter(s -> !s.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        HttpUrl url = HttpUrl.parse(text.get());
        if (url == null) {
            throw new InvalidSettingException(ATTRIBUTE, "must be the https:// URL the provider delivers events to,"
                    + " such as https://shop.example.com/webhooks/stripe");
        }
        return Optional.of(url);
    }

    /**
     * @param url an endpoint
     * @return its origin and path, without credentials and with a query shown as {@code ?…}: what results may show
     */
    public static String shown(HttpUrl url) {
        return WebhookUrl.of(url.toString()).shown();
    }
}
