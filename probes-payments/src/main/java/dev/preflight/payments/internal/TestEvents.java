package dev.preflight.payments.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.preflight.support.RandomTokens;
import java.nio.charset.StandardCharsets;

/**
 * The test events the webhook-signature probes send: minimal, shaped like the providers' own
 * deliveries so that an application's parser gets as far as its signature check, and marked as
 * Preflight's by their ids so that nobody mistakes one in a log for a real payment.
 */
public final class TestEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestEvents() {
    }

    /**
     * A Stripe Event object (https://docs.stripe.com/api/events/object) of the type
     * {@code preflight.test}, which no application subscribes to, with an empty {@code data.object}.
     *
     * @param livemode the event's {@code livemode}
     * @param createdSeconds its {@code created}, Unix seconds
     * @return the raw body, e.g. {@code {"id":"evt_preflight_…","object":"event",…}}
     */
    public static byte[] stripe(boolean livemode, long createdSeconds) {
        ObjectNode event = JSON.createObjectNode().put("id", "evt_preflight_" + nonce()).put("object", "event")
                .put("type", "preflight.test").put("livemode", livemode).put("created", createdSeconds)
                .put("pending_webhooks", 1);
        event.putObject("data").putObject("object");
        event.putObject("request").putNull("id").putNull("idempotency_key");
        return bytes(event);
    }

    /**
     * A Razorpay webhook payload (https://razorpay.com/docs/webhooks/payloads/payments) for
     * {@code payment.captured}, whose payment is a zero-amount placeholder marked in its id,
     * description and notes.
     *
     * @param createdSeconds its {@code created_at}, Unix seconds
     * @return the raw body, e.g. {@code {"entity":"event","account_id":"acc_preflight",…}}
     */
    public static byte[] razorpay(long createdSeconds) {
        ObjectNode event = JSON.createObjectNode().put("entity", "event").put("account_id", "acc_preflight")
                .put("event", "payment.captured");
        event.putArray("contains").add("payment");
        ObjectNode payment = event.putObject("payload").putObject("payment").putObject("entity")
                .put("id", "pay_preflight_" + nonce()).put("entity", "payment").put("amount", 0).put("currency", "INR")
                .put("status", "captured").put("captured", true)
                .put("description", "Preflight webhook signature test, not a payment").put("created_at", createdSeconds);
        payment.putObject("notes").put("preflight", "test event");
        event.put("created_at", createdSeconds);
        return bytes(event);
    }

    /**
     * A secret no application holds, to sign a forged event with.
     *
     * @param prefix what the provider's secrets begin with, e.g. {@code whsec_}, or empty
     * @return the prefix and 24 random bytes in hex
     */
    public static String foreignSecret(String prefix) {
        return prefix + RandomTokens.hex(24);
    }

    private static String nonce() {
        return RandomTokens.hex(8);
    }

    private static byte[] bytes(ObjectNode event) {
        try {
            return JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            // A tree of strings, numbers and booleans always serialises.
            throw new IllegalStateException(e);
        }
    }
}
