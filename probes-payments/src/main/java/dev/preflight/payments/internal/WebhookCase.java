package dev.preflight.payments.internal;

import java.util.Map;

/**
 * One delivery a webhook-signature probe sends to the application: a test event, the signature
 * headers it carries (none, forged, stale or correct) and what a sound endpoint does with it.
 *
 * @param name the case's name in results, e.g. {@code unsigned}
 * @param description what the delivery is, in the plural for sentences, e.g. {@code unsigned events}
 * @param expect what a sound endpoint does with it
 * @param headers the signature headers; their values are secret-derived and never shown
 * @param body the raw JSON body
 */
public record WebhookCase(String name, String description, Expect expect, Map<String, String> headers, byte[] body) {

    /** Copies the headers. */
    public WebhookCase {
        headers = Map.copyOf(headers);
    }

    /** What a sound endpoint does with a delivery. */
    public enum Expect {
        /** Rejects it with 4xx: no valid signature, so anyone could have sent it. */
        REJECT_FORGED,
        /** Rejects it with 4xx: validly signed, but too long ago, so it may be a replay. */
        REJECT_REPLAY,
        /** Accepts it with 2xx: the provider would send exactly this. */
        ACCEPT
    }
}
