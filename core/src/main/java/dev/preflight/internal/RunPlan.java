package dev.preflight.internal;

import dev.preflight.ProbeCatalog;
import dev.preflight.ProbeLoadFailure;
import dev.preflight.internal.ProbeRunner.IndexedOutcome;
import dev.preflight.probe.Probe;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import dev.preflight.support.ProbeIds;
import dev.preflight.support.Redactor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what a run does: which probe runs on which target, and which outcomes are known without
 * running anything (providers that failed to load, writing probes not opted into).
 *
 * @param checks the probes to run
 * @param preset the outcomes decided up front
 */
public record RunPlan(List<PlannedCheck> checks, List<IndexedOutcome> preset) {
    private static final String LOAD_PROBE_ID = "preflight.load";

    /**
     * @param catalog the probes and load failures
     * @param targets the targets, in report order
     * @param include run-wide selection globs; empty selects every probe
     * @param exclude run-wide exclusion globs
     * @param timeout each probe's deadline unless its target sets one
     * @param runner builds preset outcomes with waivers applied
     * @param redactor redacts load failure messages
     * @return the plan
     */
    public static RunPlan of(ProbeCatalog catalog, List<Target> targets, List<String> include, List<String> exclude,
            Duration timeout, ProbeRunner runner, Redactor redactor) {
        List<PlannedCheck> checks = new ArrayList<>();
        List<IndexedOutcome> preset = new ArrayList<>();
        for (ProbeLoadFailure f : catalog.failures()) {
            Result error = Result.builder(Status.ERROR)
                    .summary("probe provider " + f.provider() + " failed to load: " + f.problem())
                    .detail("provider", f.provider()).detail("location", f.location()).build();
            preset.add(new IndexedOutcome(-1, runner.outcome(LOAD_PROBE_ID, "Every probe provider loads", "preflight",
                    null, f.location(), error.mapText(redactor::redact), Duration.ZERO)));
        }
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            for (Probe probe : catalog.probes()) {
                String id = probe.id();
                if (!target.kind().equals(probe.targetKind()) || !selected(id, target, include, exclude)) {
                    continue;
                }
                boolean named = include.contains(id) || target.include().contains(id);
                if (probe.writes() && !named) {
                    preset.add(new IndexedOutcome(i, runner.outcome(id, probe.title(), target.name(), target.kind(),
                            target.location(), Result.skip("writes to or sends requests to the target;"
                                    + " runs only when named explicitly, e.g. --probe " + id), Duration.ZERO)));
                    continue;
                }
                checks.add(new PlannedCheck(probe, target, i, target.timeout().orElse(timeout), probe.writes() && named));
            }
        }
        return new RunPlan(checks, preset);
    }

    private static boolean selected(String id, Target target, List<String> include, List<String> exclude) {
        boolean in = matchesOrEmpty(include, id) && matchesOrEmpty(target.include(), id);
        boolean out = exclude.stream().anyMatch(g -> ProbeIds.matches(g, id))
                || target.exclude().stream().anyMatch(g -> ProbeIds.matches(g, id));
        return in && !out;
    }

    private static boolean matchesOrEmpty(List<String> globs, String id) {
        return globs.isEmpty() || globs.stream().anyMatch(g -> ProbeIds.matches(g, id));
    }
}
