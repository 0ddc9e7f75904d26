package dev.preflight.report;

import dev.preflight.ProbeOutcome;
import java.util.List;

/** What a CI server sees of an outcome in JUnit XML; a waived WARN, FAIL or ERROR is skipped. */
enum JunitVerdict {
    PASSED, FAILED, ERRORED, SKIPPED;

    static JunitVerdict of(ProbeOutcome o) {
        if (o.waived()) {
            return SKIPPED;
        }
        return switch (o.status()) {
            case FAIL -> FAILED;
            case ERROR -> ERRORED;
            case SKIP -> SKIPPED;
            case PASS, WARN -> PASSED;
        };
    }

    /** @return how many of the outcomes have this verdict, as an attribute value */
    String countIn(List<ProbeOutcome> outcomes) {
        return Long.toString(outcomes.stream().filter(o -> of(o) == this).count());
    }
}
