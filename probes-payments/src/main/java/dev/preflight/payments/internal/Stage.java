package dev.preflight.payments.internal;

import dev.preflight.probe.Target;
import java.util.Locale;
import java.util.Map;

/**
 * The deployment stage a payment target serves, from its attribute {@code environment} as the
 * configuration sets it (the YAML's {@code environment:}, production by default). Absent means
 * production, as in the {@code env.*} probes: an unlabelled account gets the strictest reading.
 *
 * @param name the normalised stage name, e.g. {@code production}, {@code staging}
 */
public record Stage(String name) {
    /** The target attribute that names the stage. */
    public static final String ATTRIBUTE = "environment";

    private static final Map<String, String> ALIASES = Map.of(
            "prod", "production", "stage", "staging", "stg", "staging", "dev", "development");

    /**
     * @param target a payment target
     * @return its stage; production when the attribute is absent or blank
     */
    public static Stage of(Target target) {
        String raw = target.attribute(ATTRIBUTE).map(String::strip).filter(s -> !s.isEmpty()).orElse("production");
        String lower = raw.toLowerCase(Locale.ROOT);
        return new Stage(ALIASES.getOrDefault(lower, lower));
    }

    /** @return whether this is production */
    public boolean isProduction() {
        return name.equals("production");
    }
}
