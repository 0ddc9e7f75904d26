package dev.preflight.payments.internal;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Judges how an application's webhook endpoint answered a webhook-signature probe's deliveries.
 * FAIL, worst first: a forged event accepted (anyone can forge payments); a redirect (the providers
 * do not follow them, so real events never arrive); a stale event accepted (replays work); the
 * correctly signed event not accepted (404 or 405 to every event: no handler at that URL). WARN: a forged or stale event rejected with 5xx instead of
 * 4xx. PASS otherwise. The details give each delivery's status code.
 *
 * @param provider whose events these are, e.g. {@code Stripe}
 * @param forgedRemedy how to make the application verify signatures
 * @param replayRemedy how to make it enforce the timestamp tolerance
 * @param goodRemedy how to make it accept correctly signed events
 */
public record SignatureVerdict(String provider, String forgedRemedy, String replayRemedy, String goodRemedy) {

    /**
     * @param endpoint the endpoint as results may show it
     * @param run the deliveries, in the order sent
     * @return the verdict, with the details {@code endpoint}, {@code http.<case>} per answered delivery
     *     and {@code unanswered} when the run stopped early
     */
    public Result.Builder judge(String endpoint, WebhookRun run) {
        List<WebhookDelivery> deliveries = run.deliveries();
        List<String> fails = new ArrayList<>();
        List<String> remedies = new ArrayList<>();
        List<WebhookDelivery> forged = matching(deliveries, d -> d.is(WebhookCase.Expect.REJECT_FORGED) && d.accepted());
        if (!forged.isEmpty()) {
            fails.add("accepts " + described(forged) + ": anyone can forge payments");
            remedies.add(forgedRemedy);
        }
        List<WebhookDelivery> redirected = matching(deliveries, WebhookDelivery::redirected);
        if (!redirected.isEmpty()) {
            fails.add("redirects (" + codes(redirected) + "): " + provider + " does not follow redirects");
            remedies.add("Register the final URL (after the redirect, usually https:// and the exact path with or without"
                    + " its trailing slash) as the webhook endpoint in " + provider + ", and set it as webhook-url.");
        }
        List<WebhookDelivery> replayed = matching(deliveries, d -> d.is(WebhookCase.Expect.REJECT_REPLAY) && d.accepted());
        if (!replayed.isEmpty()) {
            fails.add("accepts " + described(replayed) + ": a captured event can be replayed");
            remedies.add(replayRemedy);
        }
        List<WebhookDelivery> refused = matching(deliveries, d -> d.is(WebhookCase.Expect.ACCEPT) && !d.accepted()
                && !d.redirected());
        if (!refused.isEmpty() && deliveries.stream().allMatch(d -> d.code() == 404 || d.code() == 405)) {
            fails.add("answers " + refused.get(0).code() + " to every event: no webhook handler takes POSTs there");
            remedies.add("Set webhook-url to the URL registered as the webhook endpoint in " + provider
                    + ", and check that the application routes POSTs on that path to its webhook handler.");
        } else if (!refused.isEmpty()) {
            fails.add("rejects " + withCodes(refused) + ": the app cannot verify real events (wrong webhook secret, or"
                    + " the body is parsed and re-serialised before the signature is checked)");
            remedies.add(goodRemedy);
        }
        List<WebhookDelivery> crashed = matching(deliveries, d -> !d.is(WebhookCase.Expect.ACCEPT) && d.crashed());
        Result.Builder b;
        if (!fails.isEmpty()) {
            b = Result.builder(Status.FAIL).summary(endpoint + " " + String.join("; ", fails))
                    .remediation(String.join(" ", remedies));
        } else if (!crashed.isEmpty()) {
            b = Result.builder(Status.WARN).summary(endpoint + " rejects " + withCodes(crashed) + ", but by crashing"
                    + " instead of answering 4xx").remediation("Verify the " + provider + " signature first thing in the"
                    + " webhook handler and answer 400 when it does not match; an exception there fills error logs"
                    + " and alerts with every forged request.");
        } else {
            b = Result.builder(Status.PASS).summary(endpoint + " rejects " + described(matching(deliveries,
                    d -> !d.is(WebhookCase.Expect.ACCEPT))) + " with 4xx and accepts a correctly signed event");
        }
        b.detail("endpoint", endpoint);
        Map<String, Integer> codes = new LinkedHashMap<>();
        deliveries.forEach(d -> codes.put(d.webhookCase().name(), d.code()));
        codes.forEach((name, code) -> b.detail("http." + name, code));
        run.unanswered().ifPresent(reason -> b.detail("unanswered", reason));
        return b;
    }

    private static List<WebhookDelivery> matching(List<WebhookDelivery> deliveries, Predicate<WebhookDelivery> test) {
        return deliveries.stream().filter(test).toList();
    }

    private static String withCodes(List<WebhookDelivery> deliveries) {
        return listed(deliveries.stream().map(d -> d.webhookCase().description() + " (HTTP " + d.code() + ")").toList());
    }

    private static String described(List<WebhookDelivery> deliveries) {
        return listed(deliveries.stream().map(d -> d.webhookCase().description()).toList());
    }

    /** "a", "a and b", "a, b and c". */
    private static String listed(List<String> items) {
        if (items.size() < 3) {
            return String.join(" and ", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String codes(List<WebhookDelivery> deliveries) {
        return deliveries.stream().map(d -> "HTTP " + d.code() + " to the " + d.webhookCase().name() + " event")
                .collect(Collectors.joining(", "));
    }
}
