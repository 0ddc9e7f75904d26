package dev.preflight.payments;

import dev.preflight.payments.internal.KeyFindings;
import dev.preflight.paymentkeys.PaymentKey;
import dev.preflight.paymentkeys.KeyMode;
import dev.preflight.payments.internal.ModeCheck;
import dev.preflight.support.Stage;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.Redactor;
import java.util.Optional;

/**
 * {@code razorpay.key-mode}: the Razorpay key id is in the mode the stage needs, read offline from
 * its prefix (https://razorpay.com/docs/api/authentication/). No request is sent.
 *
 * <p>Reads the target's attribute {@code key-id} ({@code rzp_live_} or {@code rzp_test_}) and its
 * attribute {@code environment} (the stage; absent means production). No settings.
 * <ul>
 * <li>PASS: live in production, test elsewhere.</li>
 * <li>WARN: a live key id outside production, where a test run could charge real cards.</li>
 * <li>FAIL: a test key id in production; a malformed key id, with the reason.</li>
 * <li>SKIP: no {@code key-id}.</li>
 * </ul>
 * The key id appears only masked. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class RazorpayKeyModeProbe implements Probe {

    /** Creates the probe; stateless. */
    public RazorpayKeyModeProbe() {
    }

    @Override
    public String id() {
        return "razorpay.key-mode";
    }

    @Override
    public String title() {
        return "Razorpay key is live in production";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.RAZORPAY;
    }

    @Override
    public Result check(ProbeContext context) {
        Optional<String> keyId = context.target().attribute("key-id");
        if (keyId.isEmpty()) {
            return Result.skip("no key-id set; add key-id: ${RAZORPAY_KEY_ID} to the razorpay block");
        }
        Stage stage = Stage.of(context.target());
        KeyFindings findings = new KeyFindings();
        ModeCheck.judge("key-id", keyId.get(), Redactor.mask(keyId.get()), PaymentKey.RAZORPAY_KEY_ID, stage, findings);
        KeyMode expected = stage.isProduction() ? KeyMode.LIVE : KeyMode.TEST;
        return findings.toResult("Razorpay key id is " + expected.label() + " in " + stage.name());
    }
}
