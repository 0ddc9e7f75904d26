package dev.preflight.cli;

import dev.preflight.ConfigException;
import dev.preflight.support.Durations;
import java.time.Duration;

/** A command-line option that takes a duration ({@code 500ms}, {@code 10s}, {@code 2m}). */
final class DurationOption {

    private DurationOption() {
    }

    /**
     * @param option the option's name, e.g. {@code --timeout}
     * @param text what was given
     * @return the duration
     * @throws ConfigException naming the option, if the text is not a duration
     */
    static Duration parse(String option, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(null, 0, option, "'" + text + "' is "
                    + (e.getMessage().startsWith("too long") ? "too long; give at most 292 years, e.g. 30s"
                            : "not a duration (use 500ms, 10s, 2m)"));
        }
    }
}
