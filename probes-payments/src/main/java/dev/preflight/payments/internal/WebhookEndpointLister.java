package dev.preflight.payments.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Reads every page of {@code GET /v1/webhook_endpoints} (https://docs.stripe.com/api/webhook_endpoints/list):
 * {@code limit=100}, then {@code starting_after=<last id>} while the list object says {@code has_more}.
 * A misbehaving API cannot keep it going: it stops at a page limit, at a {@code has_more} page with no
 * data and at a page that ends where the previous one did.
 */
public final class WebhookEndpointLister {
    /** Stripe allows 16 endpoints per account; 50 pages of 100 is far beyond any real account. */
    public static final int MAX_PAGES = 50;
    private static final String PAGE_SIZE = "100";

    private WebhookEndpointLister() {
    }

    /**
     * @param client the client, carrying the key
     * @param base the API base
     * @param maxPages the most pages to request
     * @return the endpoints read and how the listing ended
     * @throws IOException when Stripe did not answer in time; the message holds no secret
     * @throws InterruptedException when interrupted while backing off a 429
     */
    public static EndpointListing fetch(ProviderClient client, HttpUrl base, int maxPages)
            throws IOException, InterruptedException {
        List<WebhookEndpoint> found = new ArrayList<>();
        String cursor = null;
        for (int page = 1; ; page++) {
            HttpUrl.Builder url = Provider.endpoint(base, "v1/webhook_endpoints").newBuilder()
                    .addQueryParameter("limit", PAGE_SIZE);
            if (cursor != null) {
                url.addQueryParameter("starting_after", cursor);
            }
            ProviderReply reply = client.get(url.build());
            if (reply.code() != 200) {
                return new EndpointListing(List.copyOf(found), page, reply, Optional.empty());
            }
            Optional<String> problem = readPage(reply, found);
            String next = found.isEmpty() ? null : found.get(found.size() - 1).id();
            boolean hasMore = reply.json().map(j -> j.path("has_more").asBoolean(false)).orElse(false);
            if (problem.isEmpty() && hasMore) {
                if (next == null || next.equals(cursor)) {
                    problem = Optional.of("said has_more on page " + page + " but the page brought no new endpoint");
                } else if (page >= maxPages) {
                    problem = Optional.of("still said has_more after " + page + " pages; Preflight stops there");
                }
            }
            if (problem.isPresent() || !hasMore) {
                return new EndpointListing(List.copyOf(found), page, reply, problem);
            }
            cursor = next;
        }
    }

    /** Adds the page's endpoints to {@code found}; says what is wrong when it is not a list of them. */
    private static Optional<String> readPage(ProviderReply reply, List<WebhookEndpoint> found) {
        Optional<JsonNode> list = reply.json();
        JsonNode data = list.map(j -> j.path("data")).orElse(null);
        if (data == null || !data.isArray() || !list.get().path("has_more").isBoolean()) {
            return Optional.of("answered HTTP 200 with a body that is not a list object");
        }
        for (JsonNode item : data) {
            Optional<WebhookEndpoint> endpoint = WebhookEndpoint.of(item);
            if (endpoint.isEmpty()) {
                return Optional.of("listed an entry that is not a webhook endpoint object");
            }
            found.add(endpoint.get());
        }
        return Optional.empty();
    }
}
