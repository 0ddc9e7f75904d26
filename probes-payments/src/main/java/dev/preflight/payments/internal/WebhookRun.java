package dev.preflight.payments.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The deliveries of one webhook-signature check, in the order sent. A delivery that goes unanswered
 * ends the run; it is an error (could not tell) unless a forged event had already been accepted, in
 * which case the verdict is known and the run keeps what it has.
 *
 * @param deliveries the answered deliveries
 * @param unanswered why the run stopped early, scrubbed of secrets; empty when every case was answered
 */
public record WebhookRun(List<WebhookDelivery> deliveries, Optional<String> unanswered) {

    /** Copies the deliveries. */
    public WebhookRun {
        deliveries = List.copyOf(deliveries);
    }

    /**
     * @param poster sends to the application
     * @param cases what to send, in order
     * @return every answer, or those before an unanswered case once a forged event was accepted
     * @throws IOException when a case went unanswered and no forged event had been accepted
     */
    public static WebhookRun send(WebhookPoster poster, List<WebhookCase> cases) throws IOException {
        List<WebhookDelivery> deliveries = new ArrayList<>();
        for (WebhookCase c : cases) {
            try {
                deliveries.add(poster.post(c));
            } catch (IOException e) {
                boolean forgeable = deliveries.stream()
                        .anyMatch(d -> d.is(WebhookCase.Expect.REJECT_FORGED) && d.accepted());
                if (!forgeable) {
                    throw e;
                }
                return new WebhookRun(deliveries, Optional.ofNullable(e.getMessage()));
            }
        }
        return new WebhookRun(deliveries, Optional.empty());
    }
}
