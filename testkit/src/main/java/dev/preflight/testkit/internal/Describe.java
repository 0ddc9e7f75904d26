package dev.preflight.testkit.internal;

import dev.preflight.ProbeOutcome;
import dev.preflight.probe.Result;

/** The texts assertion messages show for results and outcomes, so that a failure says what was found. */
public final class Describe {

    private Describe() {
    }

    /**
     * @param result a result
     * @return its status and summary, then remediation, subject, details and cause on indented lines
     */
    public static String result(Result result) {
        StringBuilder text = new StringBuilder(result.status() + ": " + result.summary());
        result.remediation().ifPresent(r -> text.append("\n  remediation: ").append(r));
        result.subject().ifPresent(s -> text.append("\n  subject: ").append(s));
        if (!result.details().isEmpty()) {
            text.append("\n  details: ").append(result.details());
        }
        // The class and where it was thrown, not the message: a cause's message is never shown unredacted.
        result.cause().ifPresent(c -> text.append("\n  cause: ").append(c.getClass().getName())
                .append(c.getStackTrace().length > 0 ? " at " + c.getStackTrace()[0] : ""));
        return text.toString();
    }

    /**
     * @param outcome an outcome
     * @return {@code probe on target: STATUS summary — fix: remediation}, marked when waived
     */
    public static String line(ProbeOutcome outcome) {
        Result result = outcome.result();
        return outcome.probeId() + " on " + outcome.target() + ": " + result.status() + " " + result.summary()
                + result.remediation().map(r -> " — fix: " + r).orElse("")
                + (outcome.waived() ? " (waived)" : "");
    }
}
