package dev.preflight.probe;

/**
 * A target's setting for a probe has a value the probe cannot use. Throw it from
 * {@link Probe#check} (get one from {@link ProbeSettings#invalid}); the runner reports an ERROR
 * naming the setting, as a configuration mistake rather than a crash.
 *
 * <pre>{@code
 * if (port < 1 || port > 65535) {
 *     throw context.settings().invalid("http-port", "must be a port number (1-65535), got " + port);
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class InvalidSettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key the full key, e.g. {@code http.health.max-latency}
     * @param problem what is wrong, e.g. {@code must be positive}
     */
    public InvalidSettingException(String key, String problem) {
        super("setting " + key + " " + problem);
        this.key = key;
    }

    /** @return the full key of the setting, e.g. {@code http.health.max-latency} */
    public String key() {
        return key;
    }
}
