package dev.preflight;

import java.util.Optional;

/**
 * Bad configuration: an unknown key or probe id, a malformed URL or duration, a missing variable, an
 * unreadable file. Thrown before anything runs; the CLI prints {@link #getMessage()} and exits 2.
 *
 * <p>The message is one paragraph that names the file, the line and the key when they are known, e.g.
 * {@code preflight.yml:12: targets.shop.timeout: '10 sec' is not a duration (use 500ms, 10s, 2m)}.
 * It never contains a secret value.
 *
 * <pre>{@code
 * try {
 *     preflight = Preflight.builder().config(Path.of("preflight.yml")).build();
 * } catch (ConfigException e) {
 *     System.err.println(e.getMessage()); // preflight.yml:5: targets.shop.timout: unknown key ...
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String key;
    private final String problem;

    /**
     * @param file the file name, or null when the problem is not in a file
     * @param line the 1-based line, or 0 when unknown
     * @param key the dotted key, or null
     * @param problem what is wrong and, where possible, how to fix it
     */
    public ConfigException(String file, int line, String key, String problem) {
        super(format(file, line, key, problem));
        this.file = file;
        this.line = line;
        this.key = key;
        this.problem = problem;
    }

    /**
     * A problem not tied to a file, e.g. two probes with the same id.
     *
     * @param problem what is wrong
     */
    public ConfigException(String problem) {
        this(null, 0, null, problem);
    }

    private static String format(String file, int line, String key, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
            }
            sb.append(": ");
        }
        if (key != null) {
            sb.append(key).append(": ");
        }
        return sb.append(problem).toString();
    }

    /** @return the file name, if the problem is in a file */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /** @return the 1-based line, or 0 when unknown */
    public int line() {
        return line;
    }

    /** @return the dotted key, if known */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    /** @return the problem without location */
    public String problem() {
        return problem;
    }
}
