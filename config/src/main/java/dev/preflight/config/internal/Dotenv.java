package dev.preflight.config.internal;

import dev.preflight.ConfigException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The variables of a dotenv file with the line each was set on. Immutable.
 */
public final class Dotenv {
    private final String file;
    private final Map<String, String> variables;
    private final Map<String, Integer> lines;

    Dotenv(String file, Map<String, String> variables, Map<String, Integer> lines) {
        this.file = file;
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        this.lines = Map.copyOf(lines);
    }

    /**
     * @param path the file
     * @return its variables
     * @throws ConfigException if it cannot be read or a line is malformed
     */
    public static Dotenv parse(Path path) {
        String shown = path.toString();
        try {
            return new DotenvParser(shown, TextFiles.read(path)).parse();
        } catch (IOException e) {
            throw new ConfigException(shown, 0, null, TextFiles.problem(e, path));
        }
    }

    /** @return the file as the user gave it */
    public String file() {
        return file;
    }

    /** @return the variables in file order, unmodifiable */
    public Map<String, String> variables() {
        return variables;
    }

    /**
     * @param name a variable name
     * @return the line the variable was last set on, or 0 if it is not set
     */
    public int lineOf(String name) {
        return lines.getOrDefault(name, 0);
    }

    /** @return the value, unless unset or blank */
    Optional<String> value(String name) {
        return Optional.ofNullable(variables.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** @return the first of the names with a non-blank value */
    Optional<String> firstSet(String... names) {
        for (String name : names) {
            if (value(name).isPresent()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** @return {@code <file>:<line>} of a variable, for the {@code source} attribute */
    String source(String name) {
        return file + ":" + lineOf(name);
    }
}
