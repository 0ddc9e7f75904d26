package dev.preflight.payments;

import dev.preflight.payments.internal.KeyFindings;
import dev.preflight.paymentkeys.PaymentKey;
import dev.preflight.paymentkeys.KeyMode;
import dev.preflight.payments.internal.ModeCheck;
import dev.preflight.support.Stage;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.util.Optional;

/**
 * {@code stripe.key-mode}: the Stripe keys are in the mode the stage needs, read offline from their
 * prefixes (https://docs.stripe.com/keys). No request is sent.
 *
 * <p>Reads the target's secret {@code secret-key} ({@code sk_live_}/{@code rk_live_} or
 * {@code sk_test_}/{@code rk_test_}), its optional secret {@code publishable-key}
 * ({@code pk_live_}/{@code pk_test_}) and its attribute {@code environment} (the stage; absent means
 * production). No settings.
 * <ul>
 * <li>PASS: every key is in the stage's mode: live in production, test elsewhere.</li>
 * <li>WARN: a live key outside production, where a test run could charge real cards.</li>
 * <li>FAIL: a test key in production (no real payments are taken); the publishable key in another
 *     mode than the secret key (checkout breaks); a key that is malformed, with the reason.</li>
 * <li>SKIP: no {@code secret-key}.</li>
 * </ul>
 * Keys appear only masked ({@code sk_live_…4242}). Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class StripeKeyModeProbe implements Probe {
    /** Creates the probe; stateless. */
    public StripeKeyModeProbe() {
    }

    @Override
    public String id() {
        return "stripe.key-mode";
    }

    @Override
    public String title() {
        return "Stripe keys are live in production and in the same mode";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.STRIPE;
    }

    @Override
    public Result check(ProbeContext context) {
        Optional<Secret> secretKey = context.target().secret("secret-key");
        if (secretKey.isEmpty()) {
            return Result.skip("no secret-key set; add secret-key: ${STRIPE_SECRET_KEY} to the stripe block");
        }
        Stage stage = Stage.of(context.target());
        KeyFindings findings = new KeyFindings();
        Optional<KeyMode> secretMode = ModeCheck.judge("secret-key", secretKey.get().reveal(), secretKey.get().redacted(), PaymentKey.STRIPE_SECRET, stage, findings);
        Optional<Secret> publishable = context.target().secret("publishable-key");
        if (publishable.isPresent()) {
            Optional<KeyMode> pubMode = ModeCheck.judge("publishable-key", publishable.get().reveal(),
                    publishable.get().redacted(), PaymentKey.STRIPE_PUBLISHABLE, stage,
                    findings);
            if (secretMode.isPresent() && pubMode.isPresent() && secretMode.get() != pubMode.get()) {
                findings.add(Status.FAIL, "publishable-key is " + pubMode.get().label() + " but secret-key is "
                        + secretMode.get().label(), "Take both keys from the same mode of the same account in "
                        + PaymentKey.STRIPE_PUBLISHABLE.dashboard() + "; a mixed pair fails every checkout.");
            }
        }
        KeyMode expected = stage.isProduction() ? KeyMode.LIVE : KeyMode.TEST;
        return findings.toResult("Stripe keys are " + expected.label() + " in " + stage.name());
    }
}
