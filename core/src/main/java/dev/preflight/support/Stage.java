package dev.preflight.support;

import dev.preflight.probe.Target;
import java.util.Locale;
import java.util.Map;

/**
 * The deployment stage a target serves, from its attribute {@code environment} (the configuration's
 * {@code environment:}). Absent means production, so that an unlabelled target gets the strictest
 * reading. Probes that judge differently outside production (test keys, debug flags) share this
 * one rule. Vendor-neutral: which keys or flags a stage wants is the probes' business.
 *
 * <pre>{@code
 * if (Stage.of(context.target()).isProduction() && debugEnabled) { ... }
 * }</pre>
 *
 * @param name the normalised stage name, e.g. {@code production}, {@code staging}
 * @since 0.1
 */
public record Stage(String name) {
    /** The target attribute that names the stage. */
    public static final String ATTRIBUTE = "environment";
    /** The production stage. */
    public static final Stage PRODUCTION = new Stage("production");

    private static final Map<String, String> ALIASES = Map.of(
            "prod", "production", "stage", "staging", "stg", "staging", "dev", "development");

    /**
     * @param target a target
     * @return its stage; production when the attribute is absent or blank
     */
    public static Stage of(Target target) {
        return target.attribute(ATTRIBUTE).filter(s -> !s.isBlank()).map(s -> new Stage(normalise(s))).orElse(PRODUCTION);
    }

    /**
     * @param value a stage name as written in a variable or setting, e.g. {@code Prod} or {@code "prod"}
     * @return it unquoted, in lower case, with common abbreviations expanded ({@code prod} to
     *     {@code production})
     */
    public static String normalise(String value) {
        String v = Unquote.strip(value).toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(v, v);
    }

    /** @return whether this is production */
    public boolean isProduction() {
        return name.equals(PRODUCTION.name);
    }

    /**
     * @param value e.g. the value of {@code NODE_ENV} or {@code SENTRY_ENVIRONMENT}
     * @return whether it names this stage, quotes, abbreviations and case aside
     */
    public boolean isNamedBy(String value) {
        return normalise(value).equals(name);
    }
}
