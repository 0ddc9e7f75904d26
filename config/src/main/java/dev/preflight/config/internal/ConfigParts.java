package dev.preflight.config.internal;

import dev.preflight.Waiver;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Target;
import java.util.List;

/**
 * What one load produced, before it becomes a {@code PreflightConfig}; the secrets are in the
 * {@link SecretCollector} the load was given.
 *
 * @param targets YAML targets, then derived ones
 * @param waivers the waivers
 * @param network the network settings
 * @param defaults the run defaults
 */
public record ConfigParts(List<Target> targets, List<Waiver> waivers, NetworkSettings network, RunDefaults defaults) {
}
