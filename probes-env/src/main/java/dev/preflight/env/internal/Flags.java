package dev.preflight.env.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads on/off switches the way common frameworks do: the words Python's {@code strtobool} knows,
 * Laravel's {@code (true)}/{@code (false)}, and an empty value as off.
 *
 * @since 0.1
 */
public final class Flags {
    private static final Set<String> ON = Set.of("true", "1", "yes", "y", "on", "t", "(true)");
    private static final Set<String> OFF = Set.of("false", "0", "no", "n", "off", "f", "(false)", "");

    private Flags() {
    }

    /**
     * @param value a raw value
     * @return true for on, false for off, empty when the value is neither
     */
    public static Optional<Boolean> parse(String value) {
        String v = Variables.clean(value).toLowerCase(Locale.ROOT);
        if (ON.contains(v)) {
            return Optional.of(true);
        }
        return OFF.contains(v) ? Optional.of(false) : Optional.empty();
    }

    /** @return the words accepted as on or off, for messages */
    public static String accepted() {
        return "true/false, 1/0, yes/no, on/off or empty";
    }
}
