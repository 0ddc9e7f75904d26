package dev.preflight.payments.internal;

/**
 * How the application answered one {@link WebhookCase}.
 *
 * @param webhookCase what was sent
 * @param code the HTTP status of the answer
 */
public record WebhookDelivery(WebhookCase webhookCase, int code) {

    /** @return whether the answer was 2xx: the application took the event */
    public boolean accepted() {
        return code / 100 == 2;
    }

    /** @return whether the answer was 3xx, which the providers do not follow */
    public boolean redirected() {
        return code / 100 == 3;
    }

    /** @return whether the answer was 5xx */
    public boolean crashed() {
        return code / 100 == 5;
    }

    /** @return whether this is a delivery of the given kind */
    boolean is(WebhookCase.Expect expect) {
        return webhookCase.expect() == expect;
    }
}
