package dev.preflight.internal;

import dev.preflight.probe.Probe;
import dev.preflight.probe.Target;
import java.time.Duration;

/**
 * One probe to run on one target. A writing probe becomes one only when the run named it: planning
 * is the one place that lets a writer run.
 *
 * @param probe the probe
 * @param target the target
 * @param targetIndex the target's position in the configuration, for report order
 * @param timeout the probe's own deadline, counted from when it starts
 */
public record PlannedCheck(Probe probe, Target target, int targetIndex, Duration timeout) {
}
