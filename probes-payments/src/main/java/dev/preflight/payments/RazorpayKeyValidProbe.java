package dev.preflight.payments;

import dev.preflight.payments.internal.Provider;
import dev.preflight.payments.internal.ProviderClient;
import dev.preflight.payments.internal.ProviderErrors;
import dev.preflight.payments.internal.ProviderReply;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.Redactor;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import okhttp3.Credentials;
import okhttp3.HttpUrl;

/**
 * {@code razorpay.key-valid}: Razorpay accepts the key id and key secret. Sends one read-only
 * {@code GET /v1/payments?count=1} (https://razorpay.com/docs/api/payments/fetch-all-payments/) with
 * Basic auth, key id as user and key secret as password
 * (https://razorpay.com/docs/api/authentication/); a 429 is retried once if the retry fits the deadline.
 *
 * <p>Reads the target's attribute {@code key-id}, its secret {@code key-secret} and its attribute
 * {@code api-base} (default {@code https://api.razorpay.com}). No settings.
 * <ul>
 * <li>PASS: 200 with a JSON object.</li>
 * <li>FAIL: 401, the key id or secret is wrong, regenerated or from the other mode; Razorpay's
 *     {@code error.description} is in the details.</li>
 * <li>ERROR: no answer within the deadline; 5xx; 429 twice; an unparseable body; any other status.
 *     Razorpay documents no request id, and the details say so.</li>
 * <li>SKIP: no {@code key-id}, or no {@code key-secret} (the summary names the setting to add).</li>
 * </ul>
 * Neither key appears in full. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class RazorpayKeyValidProbe implements Probe {

    /** Creates the probe; stateless. */
    public RazorpayKeyValidProbe() {
    }

    @Override
    public String id() {
        return "razorpay.key-valid";
    }

    @Override
    public String title() {
        return "Razorpay accepts the key id and secret";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.RAZORPAY;
    }

    @Override
    public Result check(ProbeContext context) throws IOException, InterruptedException {
        Optional<String> keyId = context.target().attribute("key-id").map(String::strip).filter(s -> !s.isEmpty());
        if (keyId.isEmpty()) {
            return Result.skip("no key-id set; add key-id: ${RAZORPAY_KEY_ID} to the razorpay block");
        }
        Optional<Secret> secret = context.target().secret("key-secret");
        if (secret.isEmpty()) {
            return Result.skip("no key-secret set, so the key cannot be tried; add key-secret: ${RAZORPAY_KEY_SECRET}"
                    + " to the razorpay block");
        }
        ProviderClient client = new ProviderClient(context, Provider.RAZORPAY,
                Credentials.basic(keyId.get(), secret.get().reveal()), List.of(secret.get(), Secret.of(keyId.get())));
        HttpUrl url = Provider.endpoint(Provider.RAZORPAY.base(context.target()), "v1/payments").newBuilder()
                .addQueryParameter("count", "1").build();
        ProviderReply reply = client.get(url);
        String shownId = Redactor.mask(keyId.get());
        return switch (reply.code()) {
            case 200 -> reply.json().isPresent()
                    ? Result.builder(Status.PASS).summary("Razorpay accepts key id " + shownId + " and its secret")
                            .detail("keyId", shownId).build()
                    : ProviderErrors.unexpected(Provider.RAZORPAY, reply);
            case 401 -> ProviderErrors.withRequestId(Result.builder(Status.FAIL)
                    .summary("Razorpay rejected key id " + shownId + " with its key-secret")
                    .remediation("Copy the key id and key secret of the same key from the Razorpay Dashboard (Account"
                            + " & Settings → API Keys); a regenerated key invalidates the old secret.")
                    .detail("keyId", shownId)
                    .detail("razorpayMessage", reply.errorMessage().orElse("none")),
                    Provider.RAZORPAY, reply).build();
            default -> ProviderErrors.unexpected(Provider.RAZORPAY, reply);
        };
    }
}
