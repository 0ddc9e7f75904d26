package dev.preflight.report;

import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.Status;
import java.util.List;
import java.util.Optional;

/** The counting phrases the human-readable formats share. */
final class Tally {
    private Tally() {
    }

    /** @return e.g. {@code "5 checks on 2 targets"}; the pseudo-target of probe loading is no target */
    static String scope(Report report) {
        long targets = TargetGroup.of(report).stream().filter(g -> g.kind() != null).count();
        return plural(report.outcomes().size(), "check") + " on " + plural(targets, "target");
    }

    /** @return e.g. {@code "3 passed, 1 warning, 0 failed, 0 errors, 1 skipped, 1 waived"} */
    static String counts(Report report) {
        String counts = report.count(Status.PASS) + " passed, "
                + plural(report.count(Status.WARN), "warning") + ", "
                + report.count(Status.FAIL) + " failed, "
                + plural(report.count(Status.ERROR), "error") + ", "
                + report.count(Status.SKIP) + " skipped";
        int waived = report.waivedCount();
        return waived == 0 ? counts : counts + ", " + waived + " waived";
    }

    /**
     * @return e.g. {@code "not run: http.rate-limit, which sends requests or writes to its targets; name
     *     it to run it (--probe http.rate-limit)"}, or empty when no writing probe was left out
     */
    static Optional<String> notRun(Report report) {
        List<String> ids = report.unnamedWriters();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        boolean one = ids.size() == 1;
        return Optional.of("not run: " + String.join(", ", ids)
                + (one ? ", which sends requests or writes to its targets; name it to run it"
                        : ", which send requests or write to their targets; name them to run them")
                + " (--probe " + String.join(",", ids) + ")");
    }

    /** @return the title to show; a probe that returned none is shown by its id */
    static String title(ProbeOutcome outcome) {
        String title = outcome.title();
        return title == null || title.isBlank() ? outcome.probeId() : title;
    }

    /** @return the subject when the probe named one narrower than the target, else null */
    static String narrowSubject(ProbeOutcome outcome) {
        return outcome.result().subject().isPresent() ? outcome.subject() : null;
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
