package dev.preflight.payments.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * One answer of a provider's API, read whole (the client bounds its size).
 *
 * @param code the HTTP status
 * @param body the body as text
 * @param requestId the provider's id of the request, if it sent one
 * @param retryAfter the {@code Retry-After} header, if any
 */
public record ProviderReply(int code, String body, Optional<String> requestId, Optional<String> retryAfter) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @return the body as a JSON object, or empty when it is not one */
    public Optional<JsonNode> json() {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /**
     * The message of an error body, Stripe's {@code error.message} or Razorpay's
     * {@code error.description}.
     *
     * @return the message, unredacted: fine in a result, which the runner redacts, but not in a log line
     */
    public Optional<String> errorMessage() {
        return json().map(n -> n.path("error")).flatMap(e -> text(e, "message").or(() -> text(e, "description")));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }
}
