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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code env.payment-key-pairing}: the Stripe secret key and publishable keys are in the same mode.
 * A payment method or PaymentIntent created with a test publishable key does not exist for a live
 * secret key (and the reverse), so checkout fails with "No such payment_intent" (Stripe docs, "API
 * keys": test and live objects are separate).
 *
 * <p>Compares every Stripe secret key with every Stripe publishable key (see {@link PaymentKey}); a
 * mismatch FAILs in every stage, and the remediation says which side to change for the stage (live in
 * production, test elsewhere). SKIP unless both kinds are set as whole keys; a malformed or template
 * key ({@code pk_live_YOUR_KEY}) has no mode to compare and is {@code env.payment-live-keys}' to report.
 *
 * @since 0.1
 */
public final class PaymentKeyPairingProbe implements Probe {

    /** Creates the probe; stateless. */
    public PaymentKeyPairingProbe() {
    }

    @Override
    public String id() {
        return "env.payment-key-pairing";
    }

    @Override
    public String title() {
        return "Stripe secret and publishable keys are in the same mode";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ENV;
    }

    @Override
    public Result check(ProbeContext context) {
        Map<String, KeyMode> secrets = new LinkedHashMap<>();
        Map<String, KeyMode> publishable = new LinkedHashMap<>();
        Map<String, String> vars = Variables.matching(context.target().variables(),
                n -> PaymentKeyVariables.keyFor(n).isPresent());
        for (Map.Entry<String, String> e : vars.entrySet()) {
            PaymentKey key = PaymentKeyVariables.keyFor(e.getKey()).orElseThrow();
            if (key == PaymentKey.RAZORPAY_KEY_ID) {
                continue;
            }
            Optional<KeyMode> mode = key.wellFormedMode(e.getValue());
            if (mode.isEmpty()) {
                String why = key.problem(e.getValue()).filter(p -> p.startsWith("is a template"))
                        .map(p -> " is a template, not a ").orElse(", which is not a ");
                return Result.skip("cannot tell the mode of " + e.getKey() + why + key.description()
                        + " (env.payment-live-keys reports it)");
            }
            (key == PaymentKey.STRIPE_SECRET ? secrets : publishable).put(e.getKey(), mode.get());
        }
        if (secrets.isEmpty() || publishable.isEmpty()) {
            return Result.skip("needs both a Stripe secret key and a Stripe publishable key; found "
                    + (vars.isEmpty() ? "neither" : "only " + String.join(", ", vars.keySet())));
        }
        KeyMode wanted = Stage.of(context.target()).isProduction() ? KeyMode.LIVE : KeyMode.TEST;
        String file = context.target().location();
        Findings findings = new Findings();
        secrets.forEach((secret, secretMode) -> publishable.forEach((pub, pubMode) -> {
            findings.checked(secret).checked(pub);
            if (secretMode != pubMode) {
                String wrong = secretMode == wanted ? pub : secret;
                PaymentKey wrongKey = wrong.equals(pub) ? PaymentKey.STRIPE_PUBLISHABLE : PaymentKey.STRIPE_SECRET;
                findings.fail(pub, "is " + pubMode.label() + " but " + secret + " is " + secretMode.label(),
                        "Set " + wrong + " to the " + wanted.label() + " key ("
                                + PaymentKeyVariables.shown(wrongKey, wanted) + ") of the same Stripe account in "
                                + file + ".");
            }
        }));
        return findings.toResult("Stripe keys are all " + secrets.values().iterator().next().label()
                + " (" + String.join(", ", secrets.keySet()) + ", " + String.join(", ", publishable.keySet()) + ")");
    }
}
