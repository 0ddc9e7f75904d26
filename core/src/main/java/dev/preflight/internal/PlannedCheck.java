package dev.preflight.internal;

import dev.preflight.probe.Probe;
import dev.preflight.probe.Target;
import java.time.Duration;

/**
 * One probe to run on one target.
 *
 * @param probe the probe
 * @param target the target
 * @param targetIndex the target's position in the configuration, for report order
 * @param timeout the probe's own deadline, counted from when it starts
 * @param writesAllowed whether the user named this writing probe explicitly
 */
public record PlannedCheck(Probe probe, Target target, int targetIndex, Duration timeout, boolean writesAllowed) {
}
