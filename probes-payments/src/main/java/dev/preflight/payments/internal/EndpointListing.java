package dev.preflight.payments.internal;

import java.util.List;
import java.util.Optional;

/**
 * The webhook endpoints of a Stripe account, as far as the listing got.
 *
 * @param endpoints the endpoints read, in Stripe's order
 * @param pages the pages requested
 * @param last the last answer: not 200 when Stripe refused a page
 * @param problem why the listing stopped although Stripe answered 200 (a malformed page, a loop)
 */
public record EndpointListing(List<WebhookEndpoint> endpoints, int pages, ProviderReply last, Optional<String> problem) {
    /** @return whether every page was read */
    public boolean complete() {
        return last.code() == 200 && problem.isEmpty();
    }
}
