package dev.preflight.payments.internal;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The verdict of {@code stripe.webhooks} on a complete listing: the endpoint with the configured URL
 * (the best one when several have it) must be enabled, in live mode when the key is live, and
 * subscribed to every required event; a plain-http URL only warns.
 */
public final class WebhookVerdict {
    private WebhookVerdict() {
    }

    /**
     * @param wanted the configured webhook URL
     * @param required the events the application needs
     * @param listing every endpoint of the account
     * @param liveKey whether the key is a live key
     * @return PASS, WARN or FAIL with the details {@code endpointId}, {@code status}, {@code livemode},
     *     {@code missingEvents}, {@code endpointsSeen} and {@code pages}
     */
    public static Result judge(WebhookUrl wanted, RequiredEvents required, EndpointListing listing, boolean liveKey) {
        String shownUrl = wanted.shown();
        List<WebhookEndpoint> matching = listing.endpoints().stream().filter(e -> e.url().sameAs(wanted)).toList();
        if (matching.isEmpty()) {
            List<String> seen = listing.endpoints().stream()
                    .map(e -> e.url().shown()).distinct().toList();
            return Result.builder(Status.FAIL)
                    .summary("no Stripe webhook endpoint has the URL " + shownUrl + "; found "
                            + (seen.isEmpty() ? "none" : String.join(", ", seen)))
                    .remediation("Add an endpoint for " + shownUrl + " in the Stripe Dashboard (Developers →"
                            + " Webhooks) in live mode, subscribed to " + String.join(", ", required.events())
                            + ", and put its signing secret into webhook-secret.")
                    .detail("urlsSeen", seen).detail("endpointsSeen", listing.endpoints().size())
                    .detail("pages", listing.pages()).build();
        }
        WebhookEndpoint best = matching.stream()
                .min(Comparator.comparingInt(e -> problems(e, required, liveKey).size())).orElseThrow();
        List<String> missing = EventCoverage.missing(required.events(), best.enabledEvents());
        List<String> problems = problems(best, required, liveKey);
        Status status = !problems.isEmpty() ? Status.FAIL : wanted.isHttps() ? Status.PASS : Status.WARN;
        Result.Builder b = Result.builder(status).subject(best.id())
                .detail("endpointId", best.id()).detail("status", best.status()).detail("livemode", best.livemode())
                .detail("missingEvents", missing).detail("requiredFrom", required.source())
                .detail("endpointsSeen", listing.endpoints().size()).detail("pages", listing.pages());
        return switch (status) {
            case PASS -> b.summary("Stripe webhook endpoint " + best.id() + " for " + shownUrl + " is enabled, "
                    + (best.livemode() ? "live" : "test-mode") + " and receives all " + required.events().size()
                    + " required events").build();
            case WARN -> b.summary("Stripe posts events to " + shownUrl + " over plain http")
                    .remediation("Serve the webhook over HTTPS and change endpoint " + best.id()
                            + "'s URL in the Stripe Dashboard (Developers → Webhooks); Stripe requires HTTPS in"
                            + " live mode.").build();
            default -> b.summary("Stripe webhook endpoint " + best.id() + " for " + shownUrl + ": "
                    + String.join("; ", problems)).remediation(remedy(best, missing, liveKey)).build();
        };
    }

    private static List<String> problems(WebhookEndpoint endpoint, RequiredEvents required, boolean liveKey) {
        List<String> problems = new ArrayList<>();
        if (!endpoint.enabled()) {
            problems.add("status is " + endpoint.status());
        }
        if (liveKey && !endpoint.livemode()) {
            problems.add("it is a test-mode endpoint but the key is live");
        }
        List<String> missing = EventCoverage.missing(required.events(), endpoint.enabledEvents());
        if (!missing.isEmpty()) {
            problems.add("missing events " + String.join(", ", missing));
        }
        return problems;
    }

    private static String remedy(WebhookEndpoint endpoint, List<String> missing, boolean liveKey) {
        StringBuilder fix = new StringBuilder("In the Stripe Dashboard (Developers → Webhooks):");
        if (!endpoint.enabled()) {
            fix.append(" enable endpoint ").append(endpoint.id()).append(" once the application accepts its events;");
        }
        if (liveKey && !endpoint.livemode()) {
            fix.append(" add the endpoint in live mode too (test-mode endpoints get no live events);");
        }
        if (!missing.isEmpty()) {
            fix.append(" add the events ").append(String.join(", ", missing)).append(" to the endpoint;");
        }
        return fix.substring(0, fix.length() - 1) + ".";
    }
}
