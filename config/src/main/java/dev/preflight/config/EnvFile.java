package dev.preflight.config;

import dev.preflight.ConfigException;
import dev.preflight.config.internal.Dotenv;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed dotenv file ({@code .env}, {@code .env.production}).
 *
 * <p>The format: {@code NAME=value} lines, an optional {@code export } prefix, {@code #} comments and
 * blank lines. Names are {@code [A-Za-z_][A-Za-z0-9_.]*}. Single-quoted values are taken literally;
 * double-quoted values understand {@code \n}, {@code \t}, {@code \"} and {@code \\}; both may span
 * lines, as private keys do. Unquoted values are trimmed and lose an inline comment starting with
 * whitespace and {@code #}. Values are <em>not</em> expanded: {@code ${OTHER}} stays as written. When a
 * name is set twice the last value wins.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * EnvFile env = EnvFile.parse(Path.of(".env.production"));
 * String url = env.variables().get("DATABASE_URL");   // line env.lineOf("DATABASE_URL")
 * }</pre>
 *
 * @since 0.1
 */
public final class EnvFile {
    private final Dotenv dotenv;

    private EnvFile(Dotenv dotenv) {
        this.dotenv = dotenv;
    }

    /**
     * @param file the file to read, UTF-8
     * @return its variables
     * @throws ConfigException naming the file and line if it cannot be read or a line is malformed;
     *     the message never quotes the line
     */
    public static EnvFile parse(Path file) {
        return new EnvFile(Dotenv.parse(Objects.requireNonNull(file, "'file' must not be null")));
    }

    /** @return name to value in file order, unmodifiable; values may be secrets, never print them */
    public Map<String, String> variables() {
        return dotenv.variables();
    }

    /**
     * @param name a variable name
     * @return the 1-based line it was (last) set on, or 0 if the file does not set it
     */
    public int lineOf(String name) {
        return dotenv.lineOf(name);
    }
}
