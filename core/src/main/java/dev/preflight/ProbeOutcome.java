package dev.preflight;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a report: what a probe found on a target, how long it took, and whether a waiver
 * covers it. Created by the runner, which measures the duration.
 *
 * <pre>{@code
 * for (ProbeOutcome o : report.outcomes()) {
 *     System.out.printf("%-5s %s %s%n", o.status(), o.probeId(), o.result().summary());
 * }
 * }</pre>
 *
 * @param probeId the probe's id
 * @param title the probe's title, a checklist line
 * @param target the target's name
 * @param targetKind the target's kind
 * @param subject what exactly was checked: the result's subject, else the target's printable location
 * @param result the verdict, already redacted
 * @param duration how long the check took, measured by the runner
 * @param waiver the waiver naming this probe and target, active or expired, or null
 * @param waived whether that waiver was active on the day of the run
 * @since 0.1
 */
public record ProbeOutcome(String probeId, String title, String target, TargetKind targetKind, String subject,
        Result result, Duration duration, Waiver waiver, boolean waived) {

    /** Checks the required components. */
    public ProbeOutcome {
        Objects.requireNonNull(probeId, "'probeId' must not be null");
        Objects.requireNonNull(target, "'target' must not be null");
        Objects.requireNonNull(result, "'result' must not be null");
        Objects.requireNonNull(duration, "'duration' must not be null");
    }

    /** @return the result's status */
    public Status status() {
        return result.status();
    }

    /** @return the waiver naming this outcome, if any */
    public Optional<Waiver> waiverIfAny() {
        return Optional.ofNullable(waiver);
    }

    /**
     * @param strict whether warnings count
     * @return whether this outcome makes the run unsuccessful: a FAIL or ERROR (or WARN if strict) not waived
     */
    public boolean isProblem(boolean strict) {
        return !waived && status().isProblem(strict);
    }
}
