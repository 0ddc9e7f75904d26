package com.example.preflight;

import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A third-party probe, written the way a Preflight user would, for a rule only this company has: its
 * feature flags are {@code FEATURE_*} variables, and a feature that has not been released, named
 * {@code FEATURE_EXPERIMENTAL_*} or listed in the setting, must be off in the file that ships.
 *
 * <p>Registered in {@code META-INF/services/dev.preflight.probe.Probe}; nothing else is needed.
 * Setting {@code example.feature-flags.unreleased} (comma-separated) names further unreleased flags.
 */
public final class FeatureFlagsProbe implements Probe {
    private static final String PREFIX = "FEATURE_";
    private static final String EXPERIMENTAL = "FEATURE_EXPERIMENTAL_";
    private static final Set<String> ON = Set.of("true", "1", "on", "yes");
    private static final Set<String> OFF = Set.of("false", "0", "off", "no");

    @Override
    public String id() {
        return "example.feature-flags";
    }

    @Override
    public String title() {
        return "Unreleased features are switched off";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ENV;
    }

    @Override
    public Result check(ProbeContext context) {
        List<String> unreleased = context.settings().list("unreleased");   // setting example.feature-flags.unreleased
        List<String> flags = context.target().variables().keySet().stream().filter(n -> n.startsWith(PREFIX)).sorted().toList();
        if (flags.isEmpty()) {
            return Result.skip("no feature flag set (looked for " + PREFIX + "*)");
        }
        for (String name : flags) {
            String value = context.target().variables().get(name).strip().toLowerCase(Locale.ROOT);
            if (!ON.contains(value) && !OFF.contains(value)) {
                return Result.fail(name + " is neither on nor off", "Set " + name + "=true or " + name + "=false.");
            }
            if (ON.contains(value) && (name.startsWith(EXPERIMENTAL) || unreleased.contains(name))) {
                return Result.fail(name + " is on, but the feature is not released",
                        "Set " + name + "=false until the feature ships.");
            }
        }
        return Result.pass(flags.size() + " feature flags, no unreleased feature on");
    }
}
