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
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides what a run does: which probe runs on which target, which outcomes are known without
 * running anything (providers that failed to load), and which writing probes stay out.
 *
 * <p>This is the run's only gate for probes that write: a probe whose {@link Probe#writes()} is true
 * is planned only when the run names its exact id, run-wide or on the target. Otherwise it gets no
 * outcome at all (not one SKIP per target) and, if it ran on no target, its id is listed once, in
 * {@code unnamedWriters}.
 *
 * @param checks the probes to run
 * @param preset the outcomes decided up front
 * @param unnamedWriters ids of writing probes that applied to a target but ran on none, not being named, sorted
 */
public record RunPlan(List<PlannedCheck> checks, List<IndexedOutcome> preset, List<String> unnamedWriters) {
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
        Set<String> unnamedWriters = new TreeSet<>();
        for (ProbeLoadFailure f : catalog.failures()) {
            Result error = Result.builder(Status.ERROR)
                    .summary("probe provider " + f.provider() + " failed to load: " + f.problem())
                    .detail("provider", f.provider()).detail("location", f.location()).build();
            preset.add(new IndexedOutcome(-1, runner.outcome(LOAD_PROBE_ID, "Every probe provider loads", "preflight",
                    null, f.location(), error.mapText(redactor::redact), Duration.ZERO)));
        }
        // The run-wide globs give the same answer for every target: decide them once per probe, not
        // once per target and probe (a thousand-target config would match them a hundred thousand times).
        List<Probe> probes = catalog.probes();
        boolean[] runWide = new boolean[probes.size()];
        for (int p = 0; p < probes.size(); p++) {
            String id = probes.get(p).id();
            runWide[p] = matchesOrEmpty(include, id) && !matchesAny(exclude, id);
        }
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            for (int p = 0; p < probes.size(); p++) {
                Probe probe = probes.get(p);
                String id = probe.id();
                if (!runWide[p] || !target.kind().equals(probe.targetKind()) || !selectedBy(target, id)) {
                    continue;
                }
                boolean named = include.contains(id) || target.include().contains(id);
                if (probe.writes() && !named) {
                    unnamedWriters.add(id);
                    continue;
                }
                checks.add(new PlannedCheck(probe, target, i, target.timeout().orElse(timeout)));
            }
        }
        // A writer named for one target only was left out elsewhere on purpose: nothing to report.
        checks.forEach(c -> unnamedWriters.remove(c.probe().id()));
        return new RunPlan(checks, preset, List.copyOf(unnamedWriters));
    }

    /** Whether the target's own globs let the probe run. */
    private static boolean selectedBy(Target target, String id) {
        return matchesOrEmpty(target.include(), id) && !matchesAny(target.exclude(), id);
    }

    private static boolean matchesOrEmpty(List<String> globs, String id) {
        return globs.isEmpty() || matchesAny(globs, id);
    }

    private static boolean matchesAny(List<String> globs, String id) {
        for (String glob : globs) {
            if (ProbeIds.matches(glob, id)) {
                return true;
            }
        }
        return false;
    }
}
