package dev.preflight.env;

import dev.preflight.ProbeOutcome;
import dev.preflight.probe.Probe;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ProbeTestKit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one probe on one environment file through the real runner, with {@link ProbeTestKit}:
 * {@code EnvCheck.of(new DebugFlagProbe()).with("DEBUG", "true").result()}. An ERROR fails the test
 * at once, with the probe's exception as the cause.
 */
final class EnvCheck {
    static final String FILE = ".env.production";

    private final Probe probe;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Map<String, String> sample = new LinkedHashMap<>();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private String stage;

    private EnvCheck(Probe probe) {
        this.probe = probe;
    }

    static EnvCheck of(Probe probe) {
        return new EnvCheck(probe);
    }

    EnvCheck with(String name, String value) {
        variables.put(name, value);
        return this;
    }

    EnvCheck sample(String name, String value) {
        sample.put(name, value);
        return this;
    }

    /** @param key relative to the probe id, e.g. {@code min-length} */
    EnvCheck setting(String key, String value) {
        settings.put(key, value);
        return this;
    }

    /** Sets the target attribute {@code environment}; absent means production. */
    EnvCheck stage(String stage) {
        this.stage = stage;
        return this;
    }

    ProbeOutcome outcome() {
        Target.Builder target = Target.builder(FILE, TargetKind.ENV).variables(variables).sampleVariables(sample);
        if (stage != null) {
            target.attribute("environment", stage);
        }
        ProbeTestKit kit = ProbeTestKit.forProbe(probe).target(target.build());
        settings.forEach(kit::setting);
        ProbeOutcome outcome = kit.run();
        if (outcome.status() == Status.ERROR) {
            throw new AssertionError("probe crashed: " + outcome.result().summary(),
                    outcome.result().cause().orElse(null));
        }
        return outcome;
    }

    Result result() {
        return outcome().result();
    }

    /** @return a list-valued detail of the result, empty when absent */
    static List<Object> list(Result result, String key) {
        Object value = result.details().get(key);
        return value == null ? List.of() : List.copyOf((List<?>) value);
    }
}
