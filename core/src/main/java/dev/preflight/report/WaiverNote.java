package dev.preflight.report;

import dev.preflight.ProbeOutcome;
import dev.preflight.Waiver;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/** How the formats describe the waiver of an outcome. */
final class WaiverNote {
    private WaiverNote() {
    }

    /**
     * @return {@code "waived until <date>: <reason>"} for a waived outcome, {@code "waiver expired
     *     <date>: <reason>"} for a WARN, FAIL or ERROR whose waiver no longer applies, else empty
     */
    static Optional<String> of(ProbeOutcome outcome) {
        Waiver waiver = outcome.waiver();
        if (waiver == null) {
            return Optional.empty();
        }
        if (outcome.waived()) {
            return Optional.of("waived until " + waiver.expires() + ": " + waiver.reason());
        }
        // The runner applies an active waiver to every WARN, FAIL and ERROR, so an unapplied one has expired.
        return outcome.status().isProblem(true)
                ? Optional.of("waiver expired " + waiver.expires() + ": " + waiver.reason())
                : Optional.empty();
    }

    /**
     * Whether the waiver was in force on the day of the run. Exact for WARN, FAIL and ERROR; for a
     * PASS or SKIP, which the runner never marks waived, judged on the run's UTC date.
     */
    static boolean active(ProbeOutcome outcome, Instant startedAt) {
        if (outcome.waived() || outcome.status().isProblem(true)) {
            return outcome.waived();
        }
        return outcome.waiver().isActive(LocalDate.ofInstant(startedAt, ZoneOffset.UTC));
    }
}
