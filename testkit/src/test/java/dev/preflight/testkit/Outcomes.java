package dev.preflight.testkit;

import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.Waiver;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Outcomes and reports built from core's own value types, as the runner would build them. */
final class Outcomes {

    private Outcomes() {
    }

    static ProbeOutcome of(String probeId, String target, Result result) {
        return new ProbeOutcome(probeId, "a check", target, TargetKind.ENV, target, result, Duration.ofMillis(3), null, false);
    }

    static ProbeOutcome waived(String probeId, String target, Result result) {
        Waiver waiver = new Waiver(probeId, null, "accepted until the fix ships", LocalDate.of(2099, 1, 1));
        return new ProbeOutcome(probeId, "a check", target, TargetKind.ENV, target, result, Duration.ofMillis(3), waiver, true);
    }

    static Report report(ProbeOutcome... outcomes) {
        return new Report(Instant.parse("2026-11-23T10:00:00Z"), Duration.ofMillis(40), List.of(outcomes));
    }
}
