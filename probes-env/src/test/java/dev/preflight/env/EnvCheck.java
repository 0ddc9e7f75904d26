package dev.preflight.env;

import dev.preflight.Preflight;
import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.Probe;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one probe on one environment file through the real runner, the way users get it:
 * {@code EnvCheck.of(new DebugFlagProbe()).with("DEBUG", "true").result()}.
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
        settings.put(probe.id() + "." + key, value);
        return this;
    }

    /** Sets the target attribute {@code environment}; absent means production. */
    EnvCheck stage(String stage) {
        this.stage = stage;
        return this;
    }

    ProbeOutcome outcome() {
        Target.Builder target = Target.builder(FILE, TargetKind.ENV).variables(variables).sampleVariables(sample);
        settings.forEach(target::setting);
        if (stage != null) {
            target.attribute("environment", stage);
        }
        Report report = Preflight.builder().discoverProbes(false).addProbe(probe).target(target.build()).build().run();
        if (report.outcomes().size() != 1) {
            throw new AssertionError("expected one outcome, got " + report.outcomes());
        }
        ProbeOutcome outcome = report.outcomes().get(0);
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
