package dev.preflight.config.internal;

import java.time.Duration;
import java.util.List;

/**
 * The {@code defaults:} section: run-wide options, null where unset.
 *
 * @param timeout per-probe deadline, or null
 * @param overallTimeout whole-run deadline, or null
 * @param parallelism most probes at once, or null
 * @param include probe id globs to limit the run to
 * @param exclude probe id globs never to run
 */
public record RunDefaults(Duration timeout, Duration overallTimeout, Integer parallelism, List<String> include,
        List<String> exclude) {
    static final List<String> KEYS = List.of("timeout", "overall-timeout", "parallelism", "include", "exclude");

    /** @return no defaults set */
    static RunDefaults none() {
        return new RunDefaults(null, null, null, List.of(), List.of());
    }

    /** Reads the section, validating each glob against the known probes. */
    static RunDefaults read(ConfigNode node) {
        ConfigMap m = node.map(KEYS);
        return new RunDefaults(
                m.get("timeout").map(ConfigNode::duration).orElse(null),
                m.get("overall-timeout").map(ConfigNode::duration).orElse(null),
                m.get("parallelism").map(n -> n.integer(1, 1024)).orElse(null),
                m.get("include").map(ConfigNode::probeGlobs).orElse(List.of()),
                m.get("exclude").map(ConfigNode::probeGlobs).orElse(List.of()));
    }
}
