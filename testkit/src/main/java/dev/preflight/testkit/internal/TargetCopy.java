package dev.preflight.testkit.internal;

import dev.preflight.probe.Target;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Copies of a target with a change; {@link Target} is immutable and has no {@code toBuilder()}. */
public final class TargetCopy {

    private TargetCopy() {
    }

    /**
     * @param target the original
     * @param settings settings to add, keyed {@code <probe-id>.<key>}; they replace equal keys
     * @param timeout the per-probe timeout to set, or null to keep the target's
     * @param keepSelection whether to keep the target's include and exclude globs
     * @return the copy
     */
    public static Target of(Target target, Map<String, String> settings, Duration timeout, boolean keepSelection) {
        Target.Builder b = Target.builder(target.name(), target.kind())
                .location(target.location())
                .variables(target.variables())
                .sampleVariables(target.sampleVariables());
        target.uri().ifPresent(b::uri);
        target.attributes().forEach(b::attribute);
        target.secrets().forEach(b::secret);
        target.settings().forEach(b::setting);
        settings.forEach(b::setting);
        if (keepSelection) {
            b.include(target.include()).exclude(target.exclude());
        } else {
            b.include(List.of()).exclude(List.of());
        }
        Duration effective = timeout != null ? timeout : target.timeout().orElse(null);
        return b.timeout(effective).build();
    }
}
