package dev.preflight.payments.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.preflight.payments.StripeWebhooksProbe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ProbeTestKit;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page limit of the webhook endpoint listing, against WireMock serving list objects in the shape
 * of https://docs.stripe.com/api/webhook_endpoints/list that never run out.
 */
class WebhookEndpointListerTest {
    @RegisterExtension
    static final WireMockExtension STRIPE = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private static String page(String id) {
        return """
                {"object": "list", "url": "/v1/webhook_endpoints", "has_more": true, "data": [
                 {"id": "%s", "object": "webhook_endpoint", "enabled_events": ["*"], "livemode": true,
                  "status": "enabled", "url": "https://shop.example.com/%s"}]}
                """.formatted(id, id);
    }

    @Test
    void stopsAtThePageLimitWhenHasMoreNeverEnds() throws Exception {
        for (String[] step : new String[][] {{null, "we_1"}, {"we_1", "we_2"}, {"we_2", "we_3"}, {"we_3", "we_4"}}) {
            var mapping = get(urlPathEqualTo("/v1/webhook_endpoints"));
            mapping = mapping.withQueryParam("starting_after", step[0] == null ? absent() : equalTo(step[0]));
            STRIPE.stubFor(mapping.willReturn(aResponse().withStatus(200).withBody(page(step[1]))));
        }
        Secret key = Secret.of("sk_live_51Hx9TestKeyAbCdEfGhIjKlMn4242");
        ProbeContext context = ProbeTestKit.forProbe(new StripeWebhooksProbe())
                .target(Target.builder("shop", TargetKind.STRIPE).secret("secret-key", key).build()).context();
        ProviderClient client = new ProviderClient(context, Provider.STRIPE, "Bearer " + key.reveal(), List.of(key));

        EndpointListing listing = WebhookEndpointLister.fetch(client, HttpUrl.get(STRIPE.baseUrl()), 3);

        assertThat(listing.complete()).isFalse();
        assertThat(listing.pages()).isEqualTo(3);
        assertThat(listing.problem()).hasValueSatisfying(p -> assertThat(p).contains("after 3 pages"));
        assertThat(listing.endpoints()).extracting(WebhookEndpoint::id).containsExactly("we_1", "we_2", "we_3");
        STRIPE.verify(3, getRequestedFor(urlPathEqualTo("/v1/webhook_endpoints")));
    }
}
