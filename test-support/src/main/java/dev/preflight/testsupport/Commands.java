package dev.preflight.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short-lived tool (initdb, psql, pg_basebackup, cp) to its end within a deadline. Input and
 * output pass through files in a scratch directory, so neither side can block on a full pipe and
 * the wait is bounded by the deadline alone. Stateless and thread-safe.
 */
final class Commands {

    private Commands() {
    }

    /**
     * @param command the binary's path, then its arguments
     * @param scratch where the tool runs and its input and output files are kept, briefly
     * @param input what the tool reads on standard input (e.g. a SQL script), or {@code ""}
     * @param environment variables to set, over this JVM's, with every {@code PG*} variable removed
     *     (a developer's {@code PGPASSWORD} or {@code PGSSLMODE} must not change a test) and
     *     {@code LC_ALL=C} (messages in English, which tests match, whatever the locale)
     * @param timeout how long the tool may run; then it is killed
     * @return what it wrote on standard output
     * @throws IOException if it cannot start, exits with a non-zero status or outlives the timeout;
     *     the message carries its standard error
     */
    static String run(List<String> command, Path scratch, String input, Map<String, String> environment,
            Duration timeout) throws IOException {
        Path in = Files.createTempFile(scratch, "cmd-", ".in");
        Path out = Files.createTempFile(scratch, "cmd-", ".out");
        Path err = Files.createTempFile(scratch, "cmd-", ".err");
        try {
            Files.writeString(in, input, StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(command).directory(scratch.toFile())
                    .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
            builder.environment().put("LC_ALL", "C");
            builder.environment().putAll(environment);
            Process process = builder.start();
            String name = Path.of(command.get(0)).getFileName().toString();
            try {
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                    throw new IOException(name + " did not finish within " + timeout.toMillis() + " ms; it wrote:\n"
                            + Files.readString(err, StandardCharsets.UTF_8));
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + name, e);
            }
            if (process.exitValue() != 0) {
                throw new IOException(name + " exited with status " + process.exitValue() + ": "
                        + Files.readString(err, StandardCharsets.UTF_8).strip());
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
