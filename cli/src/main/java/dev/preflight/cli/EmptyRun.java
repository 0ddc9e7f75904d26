package dev.preflight.cli;

import dev.preflight.ProbeCatalog;
import dev.preflight.probe.Probe;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.ProbeIds;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Says why a run checked nothing: no target, no probe left by the selection, or no target of a kind
 * the selected probes check. A run whose checks were all skipped did check something and is not
 * empty.
 */
final class EmptyRun {
    private static final int SHOWN = 3;
    private static final String HINT = "; preflight list shows each probe and the kind of target it checks";

    private EmptyRun() {
    }

    /**
     * @param catalog the probes available
     * @param targets the run's targets
     * @param include the run-wide selection globs, empty for every probe
     * @param exclude the run-wide exclusion globs
     * @return why no probe ran, as one sentence for an error message
     */
    static String explain(ProbeCatalog catalog, List<Target> targets, List<String> include, List<String> exclude) {
        if (targets.isEmpty()) {
            return "nothing to check: the configuration names no target; add one under targets: or give a URL";
        }
        List<Probe> selected = catalog.probes().stream()
                .filter(p -> include.isEmpty() || include.stream().anyMatch(g -> ProbeIds.matches(g, p.id())))
                .filter(p -> exclude.stream().noneMatch(g -> ProbeIds.matches(g, p.id())))
                .toList();
        if (selected.isEmpty()) {
            return catalog.probes().isEmpty() ? "nothing was checked: no probe is on the class path"
                    : "nothing was checked: " + describe(include, exclude) + " leaves no probe" + HINT;
        }
        Set<TargetKind> kinds = selected.stream().map(Probe::targetKind)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (targets.stream().noneMatch(t -> kinds.contains(t.kind()))) {
            return "nothing was checked: the selected probes check only "
                    + kinds.stream().map(TargetKind::label).collect(Collectors.joining(", ")) + " targets, and "
                    + (targets.size() == 1 ? "the target is " : "no target is one; the targets are ") + shown(targets)
                    + HINT;
        }
        return "nothing was checked: the include and exclude of each target leave none of the selected probes"
                + " of its kind; check them in the configuration" + HINT;
    }

    private static String describe(List<String> include, List<String> exclude) {
        return "the selection (include " + (include.isEmpty() ? "every probe" : String.join(", ", include))
                + (exclude.isEmpty() ? "" : "; exclude " + String.join(", ", exclude)) + ")";
    }

    private static String shown(List<Target> targets) {
        String listed = targets.stream().limit(SHOWN).map(t -> t.name() + " (" + t.kind().label() + ")")
                .collect(Collectors.joining(", "));
        return targets.size() > SHOWN ? listed + " and " + (targets.size() - SHOWN) + " more" : listed;
    }
}
