package dev.preflight.serve.internal;

import dev.preflight.ConfigException;
import dev.preflight.Preflight;
import dev.preflight.ProbeCatalog;
import dev.preflight.config.PreflightConfig;
import dev.preflight.probe.Probe;
import dev.preflight.probe.Target;
import dev.preflight.support.Durations;
import dev.preflight.support.ProbeIds;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The exporter's configuration as loaded once: its targets by name (the only ones a request may
 * name, so no request can make the exporter reach an arbitrary host) and how to run a target's
 * probes. Writing probes are never run from here, whatever the configuration includes. Immutable;
 * a reload makes a new one.
 */
public final class Fleet {
    /** The probe setting that overrides the exporter's minimum interval for one probe on one target. */
    public static final String MIN_INTERVAL = "min-interval";

    private final PreflightConfig config;
    private final ProbeCatalog catalog;
    private final Duration defaultMinInterval;
    private final Map<String, Target> targets = new LinkedHashMap<>();
    private final Map<String, Duration> minIntervals = new HashMap<>();

    private Fleet(PreflightConfig config, ProbeCatalog catalog, Duration defaultMinInterval) {
        this.config = config;
        this.catalog = catalog;
        this.defaultMinInterval = defaultMinInterval;
        config.targets().forEach(t -> targets.putIfAbsent(t.name(), t));
        for (Target t : targets.values()) {
            t.settings().forEach((key, value) -> {
                if (key.endsWith("." + MIN_INTERVAL)) {
                    minIntervals.put(t.name() + "\u0000" + key.substring(0, key.length() - MIN_INTERVAL.length() - 1),
                            interval(t, key, value));
                }
            });
        }
    }

    /**
     * @param config the loaded configuration
     * @param catalog the probes on the class path
     * @param defaultMinInterval how long an outcome is served again unless a probe's
     *     {@code <probe-id>.min-interval} setting on the target says otherwise
     * @return the fleet
     * @throws ConfigException if a {@code min-interval} setting is not a duration
     */
    public static Fleet of(PreflightConfig config, ProbeCatalog catalog, Duration defaultMinInterval) {
        return new Fleet(config, catalog, defaultMinInterval);
    }

    /**
     * @param target a target of this fleet
     * @param probeId one of its probes
     * @return how long the probe's outcome on the target is served again before it is measured anew
     */
    public Duration minInterval(Target target, String probeId) {
        return minIntervals.getOrDefault(target.name() + "\u0000" + probeId, defaultMinInterval);
    }

    private static Duration interval(Target target, String key, String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(null, 0, "targets." + target.name() + ".settings." + key, "'" + value
                    + "' is not a duration; write e.g. 5m (how long preflight serve reuses this probe's outcome)");
        }
    }

    /**
     * @param name a target's name, as the configuration spells it
     * @return the target, if the configuration has one of that name
     */
    public Optional<Target> target(String name) {
        return Optional.ofNullable(targets.get(name));
    }

    /** @return the targets' names, in configuration order */
    public List<String> targetNames() {
        return List.copyOf(targets.keySet());
    }

    /**
     * The probes a scrape of the target runs when it names none, and the only ones it may name: those
     * of the target's kind that the configuration's include and exclude select, never one that writes.
     *
     * @param target a target of this fleet
     * @return their ids, sorted
     */
    public Set<String> probeIds(Target target) {
        Set<String> ids = new TreeSet<>();
        for (Probe probe : catalog.probes()) {
            if (probe.writes() || !probe.targetKind().equals(target.kind())) {
                continue;
            }
            String id = probe.id();
            boolean included = config.include().isEmpty() || config.include().stream().anyMatch(g -> ProbeIds.matches(g, id));
            boolean excluded = config.exclude().stream().anyMatch(g -> ProbeIds.matches(g, id));
            if (included && !excluded) {
                ids.add(id);
            }
        }
        return ids;
    }

    /**
     * A run of some of the target's probes, each ending within {@code deadline}.
     *
     * @param target a target of this fleet
     * @param probeIds ids from {@link #probeIds}, not empty
     * @param deadline the most the run may take, to fit the scrape: it caps the configured timeouts,
     *     a target's own included
     * @return the run, ready to start
     */
    public Preflight preflight(Target target, Set<String> probeIds, Duration deadline) {
        Duration timeout = config.timeout().orElse(Preflight.DEFAULT_TIMEOUT);
        Duration probeDeadline = timeout.compareTo(deadline) < 0 ? timeout : deadline;
        Preflight.Builder builder = Preflight.builder().catalog(catalog).target(target).network(config.network())
                .secrets(config.secrets()).timeout(probeDeadline).overallTimeout(deadline)
                .probes(probeIds.toArray(String[]::new));
        config.waivers().forEach(builder::waiver);
        config.parallelism().ifPresent(builder::parallelism);
        return builder.build();
    }
}
