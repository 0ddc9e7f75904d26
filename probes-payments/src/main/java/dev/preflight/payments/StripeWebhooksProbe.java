package dev.preflight.payments;

import dev.preflight.payments.internal.EndpointListing;
import dev.preflight.paymentkeys.PaymentKey;
import dev.preflight.paymentkeys.KeyMode;
import dev.preflight.payments.internal.Provider;
import dev.preflight.payments.internal.ProviderClient;
import dev.preflight.payments.internal.ProviderErrors;
import dev.preflight.payments.internal.ProviderReply;
import dev.preflight.payments.internal.RequiredEvents;
import dev.preflight.payments.internal.StripePermission;
import dev.preflight.payments.internal.WebhookEndpointLister;
import dev.preflight.payments.internal.WebhookVerdict;
import dev.preflight.payments.internal.WebhookUrl;
import dev.preflight.probe.InvalidSettingException;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code stripe.webhooks}: Stripe has a webhook endpoint for the application's URL that is enabled,
 * in live mode and subscribed to every event the application needs. Reads every page of
 * {@code GET /v1/webhook_endpoints} (https://docs.stripe.com/api/webhook_endpoints/list) with
 * {@code Authorization: Bearer <secret-key>}; read-only, a 429 is retried once if it fits the deadline.
 *
 * <p>Reads the target's secret {@code secret-key}, its attributes {@code webhook-url} (the URL to
 * look for; compared with scheme and host case-insensitive, the default port implied and a trailing
 * slash ignored), {@code required-events} (a comma list of event types; {@code customer.subscription.*}
 * asks for that family) and {@code api-base} (default {@code https://api.stripe.com}).
 *
 * <p>Setting {@code stripe.webhooks.profile}, used when {@code required-events} is absent:
 * {@code payments} (the default: {@code checkout.session.completed},
 * {@code checkout.session.async_payment_succeeded}, {@code checkout.session.async_payment_failed},
 * {@code payment_intent.succeeded}, {@code payment_intent.payment_failed}, {@code charge.refunded},
 * {@code charge.dispute.created}), {@code subscriptions} ({@code customer.subscription.created},
 * {@code customer.subscription.updated}, {@code customer.subscription.deleted}, {@code invoice.paid},
 * {@code invoice.payment_succeeded}, {@code invoice.payment_failed},
 * {@code invoice.payment_action_required}, {@code checkout.session.completed}) or
 * {@code payments,subscriptions}; anything else is a bad setting. An enabled {@code *} covers every
 * required event; an enabled {@code a.b.*} covers that family; a required {@code a.b.*} is met by any
 * enabled event of the family (the Dashboard stores a selected family as its single events). When
 * several endpoints have the URL, the one with the fewest problems is judged.
 * <ul>
 * <li>PASS: an endpoint with the URL is enabled, in the key's mode and receives every required event.</li>
 * <li>WARN: as PASS but the URL is not https; or 403 for a restricted key that may not read webhook
 *     endpoints, naming the permission Stripe asks for.</li>
 * <li>FAIL: no endpoint has the URL (the URLs found are listed, queries hidden); the endpoint is
 *     disabled; it is a test-mode endpoint while the key is live; required events are missing (listed);
 *     401, the key is revoked, rolled or mistyped.</li>
 * <li>ERROR: no answer within the deadline; 5xx; 429 twice; a page that is not a list of endpoints;
 *     {@code has_more} with a page that brings nothing new; more than 50 pages. The details carry
 *     Stripe's {@code Request-Id}.</li>
 * <li>SKIP: no {@code secret-key}, or no {@code webhook-url}.</li>
 * </ul>
 * Details: {@code endpointId}, {@code status}, {@code livemode}, {@code missingEvents},
 * {@code endpointsSeen}, {@code pages}. The key appears only masked. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class StripeWebhooksProbe implements Probe {
    private static final String WEBHOOK_URL = "webhook-url";

    /** Creates the probe; stateless. */
    public StripeWebhooksProbe() {
    }

    @Override
    public String id() {
        return "stripe.webhooks";
    }

    @Override
    public String title() {
        return "Stripe sends the needed events to the application's webhook endpoint";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.STRIPE;
    }

    @Override
    public Result check(ProbeContext context) throws IOException, InterruptedException {
        Optional<Secret> key = context.target().secret("secret-key");
        if (key.isEmpty()) {
            return Result.skip("no secret-key set; add secret-key: ${STRIPE_SECRET_KEY} to the stripe block");
        }
        Optional<String> configured = context.target().attribute(WEBHOOK_URL).filter(s -> !s.isBlank());
        if (configured.isEmpty()) {
            return Result.skip("no webhook-url set; set webhook-url to the URL Stripe should post events to"
                    + " (or STRIPE_WEBHOOK_URL in the env file)");
        }
        WebhookUrl wanted = WebhookUrl.of(configured.get());
        if (!wanted.isUrl()) {
            throw new InvalidSettingException(WEBHOOK_URL, "must be an https:// URL");
        }
        RequiredEvents required = RequiredEvents.of(context);
        ProviderClient client = new ProviderClient(context, Provider.STRIPE, "Bearer " + key.get().reveal(),
                List.of(key.get()));
        EndpointListing listing = WebhookEndpointLister.fetch(client, Provider.STRIPE.base(context.target()),
                WebhookEndpointLister.MAX_PAGES);
        ProviderReply last = listing.last();
        if (last.code() != 200) {
            return refused(key.get(), last);
        }
        if (listing.problem().isPresent()) {
            return ProviderErrors.withRequestId(Result.builder(Status.ERROR)
                    .summary("Stripe API " + listing.problem().get() + " (" + last.requestId()
                            .map(id -> "request id " + id).orElse("no request id") + ")")
                    .detail("pages", listing.pages()), Provider.STRIPE, last).build();
        }
        boolean liveKey = PaymentKey.STRIPE_SECRET.mode(key.get().reveal()).filter(m -> m == KeyMode.LIVE).isPresent();
        return WebhookVerdict.judge(wanted, required, listing, liveKey);
    }

    private static Result refused(Secret key, ProviderReply reply) {
        return switch (reply.code()) {
            case 401 -> ProviderErrors.withRequestId(Result.builder(Status.FAIL)
                    .summary("Stripe rejected secret-key " + key.redacted() + ": revoked, rolled or mistyped")
                    .remediation("Copy the current secret key from the Stripe Dashboard (Developers → API keys) into"
                            + " secret-key; if it was rolled, update every deployment that uses it."),
                    Provider.STRIPE, reply).build();
            case 403 -> {
                String permission = StripePermission.missing(reply).orElse("read access to webhook endpoints");
                yield ProviderErrors.withRequestId(Result.builder(Status.WARN)
                        .summary("Stripe accepts secret-key " + key.redacted() + ", but the restricted key lacks "
                                + permission + ", so the webhook endpoints are unknown")
                        .remediation("Grant the restricted key read access to Webhook Endpoints (" + permission
                                + ") in the Stripe Dashboard (Developers → API keys), or check the endpoints there.")
                        .detail("missingPermission", permission), Provider.STRIPE, reply).build();
            }
            default -> ProviderErrors.unexpected(Provider.STRIPE, reply);
        };
    }
}
