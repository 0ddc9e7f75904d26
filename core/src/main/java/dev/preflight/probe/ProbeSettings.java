package dev.preflight.probe;

import dev.preflight.support.Durations;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A probe's view of its target's settings: keys are read relative to the probe id, so the probe
 * {@code tls.certificate} asking for {@code warn-days} reads the setting
 * {@code tls.certificate.warn-days}.
 *
 * <p>The typed getters throw {@link IllegalArgumentException} naming the full key when a value does
 * not parse; the runner reports that as ERROR. Immutable.
 *
 * <pre>{@code
 * int warnDays = context.settings().integer("warn-days", 30);   // reads tls.certificate.warn-days
 * Duration budget = context.settings().duration("budget", Duration.ofSeconds(2));
 * }</pre>
 *
 * @since 0.1
 */
public final class ProbeSettings {
    private final String prefix;
    private final Map<String, String> settings;

    /**
     * @param probeId the probe whose settings these are
     * @param settings all settings of the target, keyed {@code <probe-id>.<key>}
     */
    public ProbeSettings(String probeId, Map<String, String> settings) {
        this.prefix = probeId + ".";
        this.settings = Map.copyOf(settings);
    }

    /**
     * @param key the key relative to the probe id
     * @return the raw value, if set
     */
    public Optional<String> string(String key) {
        return Optional.ofNullable(settings.get(prefix + key));
    }

    /**
     * @param key the key relative to the probe id
     * @param fallback returned when the setting is absent
     * @return the value as an int
     */
    public int integer(String key, int fallback) {
        return string(key).map(v -> {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw invalid(key, "must be a whole number");
            }
        }).orElse(fallback);
    }

    /**
     * A count or size that must be at least 1 ({@code max-hosts}, {@code max-bytes}).
     *
     * @param key the key relative to the probe id
     * @param fallback returned when the setting is absent
     * @return the value as an int
     * @throws InvalidSettingException if it is not a whole number of at least 1
     * @since 0.3
     */
    public int positiveInteger(String key, int fallback) {
        int value = integer(key, fallback);
        if (value < 1) {
            throw invalid(key, "must be at least 1");
        }
        return value;
    }

    /**
     * @param key the key relative to the probe id
     * @param fallback returned when the setting is absent
     * @return the value as a duration ({@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}, {@code 30d})
     */
    public Duration duration(String key, Duration fallback) {
        return string(key).map(v -> {
            try {
                return Durations.parse(v);
            } catch (IllegalArgumentException e) {
                throw invalid(key, "must be a duration such as 10s");
            }
        }).orElse(fallback);
    }

    /**
     * @param key the key relative to the probe id
     * @param fallback returned when the setting is absent
     * @return the value as a boolean ({@code true}/{@code false})
     */
    public boolean bool(String key, boolean fallback) {
        return string(key).map(v -> {
            String s = v.trim().toLowerCase(Locale.ROOT);
            if (s.equals("true") || s.equals("false")) {
                return Boolean.parseBoolean(s);
            }
            throw invalid(key, "must be true or false");
        }).orElse(fallback);
    }

    /**
     * @param key the key relative to the probe id
     * @return the comma-separated items of the value, trimmed; empty when absent
     */
    public List<String> list(String key) {
        return string(key).map(v -> Arrays.stream(v.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableList()))
                .orElse(List.of());
    }

    /**
     * The exception for a setting of this probe whose value it cannot use; throw it from
     * {@link Probe#check}.
     *
     * @param key the key relative to the probe id
     * @param problem what is wrong, e.g. {@code must be positive}
     * @return the exception, naming the full key
     */
    public InvalidSettingException invalid(String key, String problem) {
        return new InvalidSettingException(prefix + key, problem);
    }
}
