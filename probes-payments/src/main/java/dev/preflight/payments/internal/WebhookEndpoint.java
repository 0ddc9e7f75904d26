package dev.preflight.payments.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fields of a Stripe webhook endpoint object that say whether it will deliver the events an
 * application needs (https://docs.stripe.com/api/webhook_endpoints/object).
 *
 * @param id the endpoint's id, {@code we_…}; not secret
 * @param url the URL Stripe posts events to
 * @param status {@code enabled} or {@code disabled}
 * @param livemode whether the endpoint belongs to live mode (false: test mode)
 * @param enabledEvents the event types it receives; {@code ["*"]} means all
 */
public record WebhookEndpoint(String id, WebhookUrl url, String status, boolean livemode, List<String> enabledEvents) {

    /** @return whether Stripe delivers events to it */
    public boolean enabled() {
        return status.equals("enabled");
    }

    /**
     * @param node one entry of a list's {@code data}
     * @return the endpoint, or empty when the entry lacks any of the fields above
     */
    public static Optional<WebhookEndpoint> of(JsonNode node) {
        JsonNode id = node.path("id");
        JsonNode url = node.path("url");
        JsonNode status = node.path("status");
        JsonNode livemode = node.path("livemode");
        JsonNode events = node.path("enabled_events");
        if (!id.isTextual() || !url.isTextual() || !status.isTextual() || !livemode.isBoolean() || !events.isArray()) {
            return Optional.empty();
        }
        List<String> enabled = new ArrayList<>();
        events.forEach(e -> enabled.add(e.asText()));
        return Optional.of(new WebhookEndpoint(id.asText(), WebhookUrl.of(url.asText()), status.asText(),
                livemode.booleanValue(), List.copyOf(enabled)));
    }
}
