package dev.preflight.junit.internal;

import dev.preflight.ProbeOutcome;
import dev.preflight.probe.TargetKind;

/** The names IDEs and Surefire reports show for targets and checks. */
final class DisplayNames {
    private DisplayNames() {
    }

    /** @return e.g. {@code production.env (env)}; just the name for Preflight's own entries, which have no kind */
    static String target(String name, TargetKind kind) {
        return kind == null ? name : name + " (" + kind.label() + ")";
    }

    /** @return e.g. {@code env.debug — Debug mode is off [DEBUG]} */
    static String check(ProbeOutcome outcome) {
        StringBuilder name = new StringBuilder(outcome.probeId());
        if (outcome.title() != null && !outcome.title().isBlank()) {
            name.append(" — ").append(outcome.title());
        }
        outcome.result().subject().ifPresent(s -> name.append(" [").append(s).append(']'));
        return name.toString();
    }
}
