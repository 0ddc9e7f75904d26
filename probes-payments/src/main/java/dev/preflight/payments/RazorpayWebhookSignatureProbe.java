package dev.preflight.payments;

import dev.preflight.payments.internal.SignatureVerdict;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * {@code razorpay.webhook-signature}: the application's Razorpay webhook endpoint verifies the
 * {@code X-Razorpay-Signature} header, a hex HMAC-SHA256 of the raw body keyed with the webhook
 * secret (https://razorpay.com/docs/webhooks/validate-test/). <b>This probe sends three test
 * events</b> to the application, so {@link #writes()} is true: it runs only when its id is named
 * explicitly ({@code --probe razorpay.webhook-signature}).
 *
 * <p>Each event is a {@code payment.captured} payload whose payment is a zero-amount placeholder
 * ({@code pay_preflight_…}, described and noted as a Preflight test), POSTed as
 * {@code application/json}, in this order: without the header; signed with a random secret that is
 * not the endpoint's; signed with the endpoint's secret. The forged events go first: once one is
 * accepted the verdict is FAIL even if a later delivery goes unanswered (detail {@code unanswered}),
 * and they meet the application before it has processed any event from us. Razorpay signs no
 * timestamp, so there is no replay case.
 *
 * <ul>
 * <li>PASS: the two forged events are answered 4xx, the signed one 2xx.</li>
 * <li>WARN: a forged event is answered 5xx: rejected, but by crashing.</li>
 * <li>FAIL: a forged event is accepted (anyone can forge payments); the signed one is not accepted
 *     (the webhook secret is wrong, or the body is parsed before it is verified); any answer is a
 *     redirect.</li>
 * <li>ERROR: an event without answer within the deadline (after a forged event was accepted: FAIL);
 *     {@code webhook-url} not an http(s) URL.</li>
 * <li>SKIP: no {@code webhook-url} attribute or no {@code webhook-secret}. Not named explicitly, it is
 * not run at all: the runner leaves it out.</li>
 * </ul>
 *
 * <p>Reads the target's attribute {@code webhook-url} and its secret {@code webhook-secret} (the
 * secret entered when the webhook was set up in the Razorpay Dashboard, not the API key secret). No
 * settings. Honours the run's host overrides and extra trusted CAs. The details give each event's
 * status code ({@code http.missing-signature}, {@code http.wrong-secret}, {@code http.signed}); no
 * secret or signature appears in any output. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class RazorpayWebhookSignatureProbe implements Probe {
    private static final SignatureVerdict VERDICT = new SignatureVerdict("Razorpay",
            "Verify every event before acting on it: Razorpay's Utils.verifyWebhookSignature /"
                    + " validateWebhookSignature (or an HMAC-SHA256 of the raw body with the webhook secret, compared in"
                    + " constant time) against X-Razorpay-Signature; answer 400 when it is missing or does not match.",
            "",
            "Set the webhook secret to the one entered for this webhook in the Razorpay Dashboard (Accounts &"
                    + " Settings → Webhooks; it is not the API key secret) and verify the raw body bytes before any JSON"
                    + " middleware parses them.");

    /** Creates the probe; stateless. */
    public RazorpayWebhookSignatureProbe() {
    }

    @Override
    public String id() {
        return "razorpay.webhook-signature";
    }

    @Override
    public String title() {
        return "The Razorpay webhook endpoint rejects forged events (sends test events)";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.RAZORPAY;
    }

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public Result check(ProbeContext context) throws Exception {
        Optional<HttpUrl> url = WebhookAddress.of(context.target());
        if (url.isEmpty()) {
            return Result.skip("no webhook-url set; add webhook-url: https://<your app>/<webhook path> (the URL"
                    + " registered in Razorpay) to the razorpay block");
        }
        Optional<Secret> secret = context.target().secret("webhook-secret");
        if (secret.isEmpty()) {
            return Result.skip("no webhook-secret set; add webhook-secret: ${RAZORPAY_WEBHOOK_SECRET} (the secret"
                    + " entered for the webhook in the Razorpay Dashboard) to the razorpay block");
        }
        long now = context.clock().instant().getEpochSecond();
        byte[] missing = TestEvents.razorpay(now);
        byte[] forged = TestEvents.razorpay(now);
        String wrongSecret = TestEvents.foreignSecret("");
        byte[] good = TestEvents.razorpay(now);
        List<WebhookCase> cases = List.of(
                new WebhookCase("missing-signature", "events without X-Razorpay-Signature", Expect.REJECT_FORGED,
                        Map.of(), missing),
                new WebhookCase("wrong-secret", "events signed with a different secret", Expect.REJECT_FORGED,
                        Map.of(WebhookSignatures.RAZORPAY_HEADER, WebhookSignatures.razorpay(wrongSecret, forged)),
                        forged),
                new WebhookCase("signed", "a correctly signed event", Expect.ACCEPT,
                        Map.of(WebhookSignatures.RAZORPAY_HEADER, WebhookSignatures.razorpay(secret.get().reveal(), good)),
                        good));
        List<String> scrub = new ArrayList<>(List.of(secret.get().reveal()));
        cases.forEach(c -> scrub.addAll(c.headers().values()));
        WebhookPoster poster = new WebhookPoster(context, url.get(), scrub);
        WebhookRun run = WebhookRun.send(poster, cases);
        return VERDICT.judge(WebhookAddress.shown(url.get()), run).build();
    }
}
