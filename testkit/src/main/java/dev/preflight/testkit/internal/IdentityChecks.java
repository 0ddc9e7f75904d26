package dev.preflight.testkit.internal;

import dev.preflight.probe.Probe;
import dev.preflight.support.ProbeIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The contract's checks of what a probe says about itself: id, title, kind. */
public final class IdentityChecks {
    private IdentityChecks() {
    }

    /** @param probe a probe whose id must be well formed, title non-blank and kind present */
    public static void describesItself(Probe probe) {
        List<String> problems = new ArrayList<>();
        String id = probe.id();
        if (!ProbeIds.isWellFormed(id)) {
            problems.add("id " + (id == null ? "null" : "'" + id + "'") + " of " + probe.getClass().getName()
                    + " is malformed: ids are lower-case and dotted, <area>.<check>, like acme.robots-txt"
                    + " (pattern [a-z][a-z0-9]*(\\.[a-z0-9][a-z0-9-]*)+)");
        }
        String title = probe.title();
        if (title == null || title.isBlank()) {
            problems.add("title() of " + ProbeLabel.of(probe) + " is blank: give the checklist line it verifies,"
                    + " e.g. 'HSTS is enabled with a long max-age'");
        }
        if (probe.targetKind() == null) {
            problems.add("targetKind() of " + ProbeLabel.of(probe) + " is null: say which kind of target it checks");
        }
        fail(problems);
    }

    /**
     * The same rule discovery and {@code Preflight.builder().addProbe(...)} apply, from core's
     * {@link ProbeIds#RESERVED_AREAS}, so the contract and a run never disagree.
     *
     * @param probe a probe outside {@code dev.preflight} that must keep out of the reserved areas
     */
    public static void staysOutOfReservedAreas(Probe probe) {
        String id = probe.id();
        if (ProbeIds.trespasses(probe.getClass(), id)) {
            throw new AssertionError(ProbeIds.trespassMessage(probe.getClass(), id));
        }
    }

    /** @param probes the probes under contract: at least one, no id twice */
    public static void distinctIds(List<? extends Probe> probes) {
        if (probes == null || probes.isEmpty()) {
            throw new AssertionError("probes() returned no probe: return the probes this module registers");
        }
        Map<String, List<String>> classesById = new LinkedHashMap<>();
        probes.forEach(p -> classesById.computeIfAbsent(String.valueOf(p.id()), k -> new ArrayList<>())
                .add(p.getClass().getName()));
        fail(classesById.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .map(e -> "id '" + e.getKey() + "' is used by " + e.getValue() + "; ids must be unique")
                .collect(Collectors.toList()));
    }

    static void fail(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError(String.join("\n", problems));
        }
    }
}
