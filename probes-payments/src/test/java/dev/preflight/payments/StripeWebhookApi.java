package dev.preflight.payments;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Bodies in the shapes of Stripe's API reference for webhook endpoints, trimmed to the fields the
 * probe reads or that show the shape: the list object of "List all webhook endpoints"
 * (https://docs.stripe.com/api/webhook_endpoints/list) and the webhook endpoint object
 * (https://docs.stripe.com/api/webhook_endpoints/object).
 */
final class StripeWebhookApi {
    static final String HOOK_URL = "https://shop.example.com/webhooks/stripe";

    private StripeWebhookApi() {
    }

    static String endpoint(String id, String url, String status, boolean livemode, String... events) {
        String enabled = Arrays.stream(events).map(e -> "\"" + e + "\"").collect(Collectors.joining(", "));
        return """
                {"id": "%s", "object": "webhook_endpoint", "api_version": null, "application": null,
                 "created": 1680122196, "description": null, "enabled_events": [%s], "livemode": %s,
                 "metadata": {}, "status": "%s", "url": "%s"}
                """.formatted(id, enabled, livemode, status, url);
    }

    static String live(String id, String url, String... events) {
        return endpoint(id, url, "enabled", true, events);
    }

    static String list(boolean hasMore, String... endpoints) {
        return """
                {"object": "list", "url": "/v1/webhook_endpoints", "has_more": %s, "data": [%s]}
                """.formatted(hasMore, String.join(", ", endpoints));
    }
}
