package dev.preflight.junit.internal;

import dev.preflight.ProbeOutcome;
import dev.preflight.Waiver;
import java.util.ArrayList;
import java.util.List;

/** The failure and abort messages of outcome tests, worded like the JUnit XML report's. */
final class OutcomeMessages {
    private OutcomeMessages() {
    }

    /** @return the status and summary, then remediation, subject, details and an expired waiver, one a line */
    static String failure(ProbeOutcome o) {
        List<String> lines = new ArrayList<>();
        lines.add(o.status() + ": " + o.result().summary());
        o.result().remediation().ifPresent(r -> lines.add("Fix: " + r));
        o.result().subject().ifPresent(s -> lines.add("Subject: " + s));
        o.result().details().forEach((key, value) -> lines.add(key + ": " + value));
        Waiver waiver = o.waiver();
        if (waiver != null) {
            // The runner applies an active waiver to every WARN, FAIL and ERROR, so one that reaches a failure has expired.
            lines.add("Note: waiver expired " + waiver.expires() + ": " + waiver.reason());
        }
        return String.join("\n", lines);
    }

    /** @return e.g. {@code waived until 2027-02-01: SHOP-412 (was FAIL: SECRET_KEY is a placeholder word)} */
    static String waived(ProbeOutcome o) {
        return "waived until " + o.waiver().expires() + ": " + o.waiver().reason()
                + " (was " + o.status() + ": " + o.result().summary() + ")";
    }
}
