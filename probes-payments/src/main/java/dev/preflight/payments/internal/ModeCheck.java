package dev.preflight.payments.internal;

import dev.preflight.paymentkeys.KeyMode;
import dev.preflight.paymentkeys.PaymentKey;
import dev.preflight.support.Stage;
import dev.preflight.probe.Status;
import java.util.Optional;

/** The stage rule for one key: live in production, test elsewhere; malformed fails everywhere. */
public final class ModeCheck {
    private ModeCheck() {
    }

    /**
     * @param name the key's setting, e.g. {@code secret-key}
     * @param value the key itself, never shown
     * @param masked the key as it may be shown, e.g. {@code sk_live_…4242}
     * @param format the shape it must have
     * @param stage the target's stage
     * @param findings where problems go
     * @return the key's mode, or empty when it is malformed
     */
    public static Optional<KeyMode> judge(String name, String value, String masked, PaymentKey format, Stage stage,
            KeyFindings findings) {
        Optional<String> problem = format.problem(value);
        if (problem.isPresent()) {
            findings.add(Status.FAIL, name + " " + problem.get() + " (not a " + format.description() + ")",
                    "Copy " + name + " whole from " + format.dashboard() + ".");
            return Optional.empty();
        }
        KeyMode mode = format.mode(value).orElseThrow();
        findings.mode(name + ": " + mode.label() + " (" + masked + ")");
        if (stage.isProduction() && mode == KeyMode.TEST) {
            findings.add(Status.FAIL, name + " is a test key (" + masked + ") in production",
                    "Set " + name + " to the live key (" + String.join(" or ", format.prefixes(KeyMode.LIVE))
                            + ") from " + format.dashboard() + "; test keys take no real payments.");
        } else if (!stage.isProduction() && mode == KeyMode.LIVE) {
            findings.add(Status.WARN, name + " is a live key (" + masked + ") in " + stage.name(),
                    "Set " + name + " to the test key (" + String.join(" or ", format.prefixes(KeyMode.TEST))
                            + ") so " + stage.name() + " cannot charge real cards.");
        }
        return Optional.of(mode);
    }
}
