package dev.preflight.payments;

import dev.preflight.payments.internal.AccountReadiness;
import dev.preflight.payments.internal.Provider;
import dev.preflight.payments.internal.ProviderClient;
import dev.preflight.payments.internal.ProviderErrors;
import dev.preflight.payments.internal.ProviderReply;
import dev.preflight.payments.internal.StripePermission;
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
 * {@code stripe.key-valid}: Stripe accepts the secret key, and the account can take and pay out
 * money. Sends one read-only {@code GET /v1/account} (https://docs.stripe.com/api/accounts/retrieve)
 * with {@code Authorization: Bearer <secret-key>}; a 429 is retried once if the retry fits the deadline.
 *
 * <p>Reads the target's secret {@code secret-key} and its attribute {@code api-base} (default
 * {@code https://api.stripe.com}; a proxy or a stand-in). No settings.
 * <ul>
 * <li>PASS: 200, and {@code charges_enabled}, {@code payouts_enabled} and {@code details_submitted}
 *     are all true.</li>
 * <li>WARN: 403 for a restricted key ({@code rk_…}) that lacks the permission to read the account,
 *     naming the permission Stripe asks for: the key works, readiness is unknown.</li>
 * <li>FAIL: 401, the key is revoked, rolled or mistyped; or 200 with any of the three flags false,
 *     naming which.</li>
 * <li>ERROR: no answer within the deadline; 5xx; 429 twice; an unparseable body; any other status.
 *     The details carry Stripe's {@code Request-Id}.</li>
 * <li>SKIP: no {@code secret-key}.</li>
 * </ul>
 * The key appears only masked. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class StripeKeyValidProbe implements Probe {
    /** Creates the probe; stateless. */
    public StripeKeyValidProbe() {
    }

    @Override
    public String id() {
        return "stripe.key-valid";
    }

    @Override
    public String title() {
        return "Stripe accepts the secret key and the account can take payments";
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
        ProviderClient client = new ProviderClient(context, Provider.STRIPE, "Bearer " + key.get().reveal(),
                List.of(key.get()));
        ProviderReply reply = client.get(Provider.endpoint(Provider.STRIPE.base(context.target()), "v1/account"));
        return switch (reply.code()) {
            case 200 -> reply.json().flatMap(AccountReadiness::of).map(r -> readiness(r, reply))
                    .orElseGet(() -> ProviderErrors.unexpected(Provider.STRIPE, reply));
            case 401 -> ProviderErrors.withRequestId(Result.builder(Status.FAIL)
                    .summary("Stripe rejected secret-key " + key.get().redacted() + ": revoked, rolled or mistyped")
                    .remediation("Copy the current secret key from the Stripe Dashboard (Developers → API keys) into"
                            + " secret-key; if it was rolled, update every deployment that uses it."),
                    Provider.STRIPE, reply).build();
            case 403 -> forbidden(key.get(), reply);
            default -> ProviderErrors.unexpected(Provider.STRIPE, reply);
        };
    }

    private static Result readiness(AccountReadiness account, ProviderReply reply) {
        Result.Builder b = Result.builder(account.notEnabled().isEmpty() ? Status.PASS : Status.FAIL)
                .detail("account", account.accountId()).detail("notEnabled", account.notEnabled());
        account.disabledReason().ifPresent(r -> b.detail("disabledReason", r));
        if (account.notEnabled().isEmpty()) {
            return b.summary("Stripe accepts the key; account " + account.accountId()
                    + " has charges and payouts enabled and details submitted").build();
        }
        return ProviderErrors.withRequestId(b.summary("Stripe account " + account.accountId() + " is not ready: "
                + String.join(", ", account.notEnabled()) + " false"
                + account.disabledReason().map(r -> " (" + r + ")").orElse(""))
                .remediation("Complete the account's requirements in the Stripe Dashboard (Settings → Business"
                        + " details, and any verification it asks for) until charges and payouts are enabled."),
                Provider.STRIPE, reply).build();
    }

    private static Result forbidden(Secret key, ProviderReply reply) {
        String message = reply.errorMessage().orElse("");
        String permission = StripePermission.missing(reply).orElse("a permission Stripe did not name");
        Result.Builder b = Result.builder(Status.WARN)
                .summary("Stripe accepts secret-key " + key.redacted() + ", but the restricted key lacks "
                        + permission + ", so account readiness is unknown")
                .remediation("Grant the restricted key read access to the account (" + permission + ") in the"
                        + " Stripe Dashboard (Developers → API keys), or check readiness there.")
                .detail("missingPermission", permission)
                .detail("stripeMessage", message);
        return ProviderErrors.withRequestId(b, Provider.STRIPE, reply).build();
    }
}
