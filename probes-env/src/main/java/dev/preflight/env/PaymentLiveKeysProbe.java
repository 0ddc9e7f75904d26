package dev.preflight.env;

import dev.preflight.env.internal.Findings;
import dev.preflight.paymentkeys.KeyMode;
import dev.preflight.env.internal.PaymentKeyVariables;
import dev.preflight.paymentkeys.PaymentKey;
import dev.preflight.support.Stage;
import dev.preflight.env.internal.Variables;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code env.payment-live-keys}: payment keys are in the mode the stage needs. A test key in
 * production takes no real payments (checkout fails or silently "succeeds" in the sandbox); a live key
 * in staging lets a test run charge real cards.
 *
 * <p>Reads the variables {@link PaymentKeyVariables#keyFor} knows: Stripe secret keys
 * ({@code STRIPE_SECRET_KEY}: {@code sk_live_}/{@code rk_live_} or {@code sk_test_}/{@code rk_test_}),
 * Stripe publishable keys ({@code STRIPE_PUBLISHABLE_KEY} with or without a browser prefix such as
 * {@code NEXT_PUBLIC_}: {@code pk_live_} or {@code pk_test_}) and Razorpay key ids
 * ({@code RAZORPAY_KEY_ID}: {@code rzp_live_} or {@code rzp_test_}). In production a test key FAILs;
 * in other stages a test key passes and a live key WARNs. An empty value, one without a known
 * prefix, and one that is not a whole key ({@link PaymentKey#problem}) FAIL in every stage: a template
 * with a real prefix ({@code sk_live_YOUR_LIVE_KEY}, {@code rzp_live_XXXXXXXXXX}) is no key, so it is
 * never "live". None set: SKIP.
 *
 * @since 0.1
 */
public final class PaymentLiveKeysProbe implements Probe {

    /** Creates the probe; stateless. */
    public PaymentLiveKeysProbe() {
    }

    @Override
    public String id() {
        return "env.payment-live-keys";
    }

    @Override
    public String title() {
        return "Payment keys are live in production";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ENV;
    }

    @Override
    public Result check(ProbeContext context) {
        Map<String, String> keys = Variables.matching(context.target().variables(),
                n -> PaymentKeyVariables.keyFor(n).isPresent());
        if (keys.isEmpty()) {
            return Result.skip("no payment key set (looked for STRIPE_SECRET_KEY, *STRIPE_PUBLISHABLE_KEY, RAZORPAY_KEY_ID)");
        }
        Stage stage = Stage.of(context.target());
        String file = context.target().location();
        Findings findings = new Findings();
        List<String> modes = new ArrayList<>();
        keys.forEach((name, value) -> {
            findings.checked(name);
            PaymentKey key = PaymentKeyVariables.keyFor(name).orElseThrow();
            Optional<KeyMode> mode = key.mode(value);
            String dashboard = key.dashboard();
            String live = PaymentKeyVariables.shown(key, KeyMode.LIVE);
            String test = PaymentKeyVariables.shown(key, KeyMode.TEST);
            if (mode.isEmpty()) {
                findings.fail(name, value.isEmpty() ? "is empty" : "is not a " + key.description() + " (expected "
                        + live + " or " + test + ")",
                        "Copy " + name + " from " + dashboard + " into " + file + ".");
                return;
            }
            Optional<String> problem = key.problem(value);
            if (problem.isPresent()) {
                findings.fail(name, problem.get() + ", not a " + key.description(),
                        "Copy " + name + " whole from " + dashboard + " into " + file + ".");
                return;
            }
            modes.add(name + ": " + mode.get().label() + " (" + Redactor.mask(value) + ")");
            if (stage.isProduction() && mode.get() == KeyMode.TEST) {
                findings.fail(name, "is a test key", "Set " + name + " to the live key (" + live + ") from "
                        + dashboard + " in " + file + "; test keys take no real payments.");
            } else if (!stage.isProduction() && mode.get() == KeyMode.LIVE) {
                findings.warn(name, "is a live key in " + stage.name(), "Set " + name + " to the test key ("
                        + test + ") from " + dashboard + " in " + file + ", so " + stage.name()
                        + " cannot charge real cards.");
            }
        });
        findings.detail("modes", modes);
        KeyMode expected = stage.isProduction() ? KeyMode.LIVE : KeyMode.TEST;
        return findings.toResult("payment keys are " + expected.label() + " (" + String.join(", ", keys.keySet()) + ")");
    }
}
