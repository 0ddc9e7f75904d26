package dev.preflight.payments;

import dev.preflight.payments.internal.SignatureVerdict;
import dev.preflight.support.Stage;
import dev.preflight.payments.internal.TestEvents;
import dev.preflight.payments.internal.WebhookCase;
import dev.preflight.payments.internal.WebhookCase.Expect;
import dev.preflight.payments.internal.WebhookAddress;
import dev.preflight.payments.internal.WebhookPoster;
import dev.preflight.payments.internal.WebhookRun;
import dev.preflight.payments.internal.WebhookSignatures;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Secret;
import dev.preflight.probe.TargetKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * {@code stripe.webhook-signature}: the application's Stripe webhook endpoint verifies the
 * {@code Stripe-Signature} header (https://docs.stripe.com/webhooks#verify-events). <b>This probe
 * sends four test events</b> to the application, so {@link #writes()} is true: it runs only when its
 * id is named explicitly ({@code --probe stripe.webhook-signature}).
 *
 * <p>Each event is a minimal Event object of the type {@code preflight.test} with an id
 * {@code evt_preflight_…} and an empty {@code data.object}, POSTed as {@code application/json}, in
 * this order: unsigned; signed with a random secret that is not the endpoint's; signed with the
 * endpoint's secret {@code tolerance} + 60 s ago; signed with it now. The forged and stale events go
 * first: once a forged one is accepted the verdict is FAIL even if a later delivery goes unanswered
 * (detail {@code unanswered}), and they meet the application as it was, not after it has processed an
 * event from us. Each event has
 * its own id, so an application that de-duplicates by id cannot turn a rejection into a 2xx.
 *
 * <ul>
 * <li>PASS: the unsigned, wrongly signed and stale events are answered 4xx, the good one 2xx.</li>
 * <li>WARN: a forged or stale event is answered 5xx: rejected, but by crashing.</li>
 * <li>FAIL: the unsigned or wrongly signed event is accepted (anyone can forge payments); the stale
 *     one is accepted (replays work); the good one is not accepted (the webhook secret is wrong, or the
 *     body is parsed before it is verified); any answer is a redirect, which Stripe does not follow.</li>
 * <li>ERROR: an event without answer within the deadline (after a forged event was accepted: FAIL);
 *     {@code webhook-url} not an http(s) URL;
 *     a bad setting.</li>
 * <li>SKIP: no {@code webhook-url} attribute or no {@code webhook-secret}. Not named explicitly, it is
 * not run at all: the runner leaves it out.</li>
 * </ul>
 *
 * <p>Reads the target's attribute {@code webhook-url}, its secret {@code webhook-secret} (the
 * endpoint's {@code whsec_…} signing secret) and its {@code environment} ({@code livemode} is true in
 * production). Setting: {@code tolerance} (default {@code 300s}, the default of Stripe's libraries).
 * Honours the run's host overrides and extra trusted CAs. The details give each event's status code
 * ({@code http.unsigned}, {@code http.wrong-secret}, {@code http.stale}, {@code http.signed}); no
 * secret or signature appears in any output. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class StripeWebhookSignatureProbe implements Probe {
    private static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);
    /** How far beyond the tolerance the stale event is signed: clearly outside it, whatever the clock skew. */
    private static final long STALE_MARGIN_SECONDS = 60;
    private static final SignatureVerdict VERDICT = new SignatureVerdict("Stripe",
            "Verify every event before acting on it: Stripe.Webhook.constructEvent / stripe.webhooks.constructEvent"
                    + " (or your library's equivalent) over the raw request body, the Stripe-Signature header and the"
                    + " endpoint's whsec_ secret; answer 400 when it throws.",
            "Pass the timestamp tolerance to the verification (Stripe's libraries default to 300 s) and do not"
                    + " disable the timestamp check; also keep processed event ids to ignore duplicates.",
            "Set the webhook secret to this endpoint's signing secret (Dashboard → Developers → Webhooks → the endpoint"
                    + " → Signing secret; the Stripe CLI's differs) and verify the raw body bytes before any JSON"
                    + " middleware parses them (express.raw, request.body.read, @RequestBody String).");

    /** Creates the probe; stateless. */
    public StripeWebhookSignatureProbe() {
    }

    @Override
    public String id() {
        return "stripe.webhook-signature";
    }

    @Override
    public String title() {
        return "The Stripe webhook endpoint rejects forged and stale events (sends test events)";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.STRIPE;
    }

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public Result check(ProbeContext context) throws Exception {
        Optional<HttpUrl> url = WebhookAddress.of(context.target());
        if (url.isEmpty()) {
            return Result.skip("no webhook-url set; add webhook-url: https://<your app>/<webhook path> (the endpoint"
                    + " registered in Stripe) to the stripe block");
        }
        Optional<Secret> secret = context.target().secret("webhook-secret");
        if (secret.isEmpty()) {
            return Result.skip("no webhook-secret set; add webhook-secret: ${STRIPE_WEBHOOK_SECRET} (the endpoint's"
                    + " whsec_… signing secret) to the stripe block");
        }
        Duration tolerance = context.settings().duration("tolerance", DEFAULT_TOLERANCE);
        if (tolerance.getSeconds() < 1) {
            throw context.settings().invalid("tolerance", "must be at least 1s");
        }
        List<WebhookCase> cases = cases(secret.get().reveal(), tolerance.getSeconds(),
                context.clock().instant().getEpochSecond(), Stage.of(context.target()).isProduction());
        List<String> scrub = new ArrayList<>(List.of(secret.get().reveal()));
        cases.forEach(c -> scrub.addAll(c.headers().values()));
        WebhookPoster poster = new WebhookPoster(context, url.get(), scrub);
        WebhookRun run = WebhookRun.send(poster, cases);
        return VERDICT.judge(WebhookAddress.shown(url.get()), run)
                .detail("toleranceSeconds", tolerance.getSeconds()).build();
    }

    private static List<WebhookCase> cases(String secret, long tolerance, long now, boolean livemode) {
        long stale = now - tolerance - STALE_MARGIN_SECONDS;
        byte[] unsigned = TestEvents.stripe(livemode, now);
        byte[] forged = TestEvents.stripe(livemode, now);
        String wrongSecret = TestEvents.foreignSecret("whsec_");
        byte[] old = TestEvents.stripe(livemode, stale);
        byte[] good = TestEvents.stripe(livemode, now);
        return List.of(
                new WebhookCase("unsigned", "unsigned events", Expect.REJECT_FORGED, Map.of(), unsigned),
                new WebhookCase("wrong-secret", "events signed with a different secret", Expect.REJECT_FORGED,
                        Map.of(WebhookSignatures.STRIPE_HEADER, WebhookSignatures.stripe(wrongSecret, now, forged)),
                        forged),
                new WebhookCase("stale", "events signed " + (now - stale) + " s ago, beyond the " + tolerance
                        + " s tolerance", Expect.REJECT_REPLAY,
                        Map.of(WebhookSignatures.STRIPE_HEADER, WebhookSignatures.stripe(secret, stale, old)), old),
                new WebhookCase("signed", "a correctly signed event", Expect.ACCEPT,
                        Map.of(WebhookSignatures.STRIPE_HEADER, WebhookSignatures.stripe(secret, now, good)), good));
    }
}
