package dev.preflight.db.postgres.internal;

import dev.preflight.net.DeadlineExceededException;
import dev.preflight.support.Durations;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program the user configured: no shell (the words are the program and its arguments), no
 * standard input, an environment of the JVM's plus the given variables (how a password reaches it,
 * never the command line), standard output and error into private temporary files, ended (with its
 * children) at the deadline, and its output read only up to a bound. Immutable.
 */
public final class BoundedCommand {
    private final List<String> words;
    private final Map<String, String> environment;
    private final long outputLimit;

    /**
     * @param words the program and its arguments
     * @param environment variables to add
     * @param outputLimit how many bytes of standard output to accept
     */
    public BoundedCommand(List<String> words, Map<String, String> environment, long outputLimit) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("an empty command");
        }
        this.words = List.copyOf(words);
        this.environment = Map.copyOf(environment);
        this.outputLimit = outputLimit;
    }

    /** @param line words separated by white space, without quoting @return the words */
    public static List<String> split(String line) {
        return List.of(line.strip().split("\\s+"));
    }

    /**
     * @param timeout how long it may run
     * @return its exit code and output
     * @throws IOException if it cannot start, outlives the timeout, or writes more than the bound
     * @throws InterruptedException if the check is cancelled meanwhile (the program is ended)
     */
    public Outcome run(Duration timeout) throws IOException, InterruptedException {
        if (timeout.isZero() || timeout.isNegative()) {
            throw new DeadlineExceededException("no time left before the deadline to run " + words.get(0));
        }
        Path out = Files.createTempFile("preflight-cmd", ".out");
        Path err = Files.createTempFile("preflight-cmd", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(words).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            try {
                if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw new DeadlineExceededException(words.get(0) + " did not finish within "
                            + Durations.format(timeout));
                }
            } finally {
                if (process.isAlive()) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            }
            if (Files.size(out) > outputLimit) {
                throw new IOException(words.get(0) + " wrote more than " + outputLimit + " bytes");
            }
            return new Outcome(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    firstLine(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String firstLine(Path err) throws IOException {
        try (InputStream in = Files.newInputStream(err)) {
            String text = new String(in.readNBytes(2048), StandardCharsets.UTF_8).strip();
            int newline = text.indexOf('\n');
            return newline < 0 ? text : text.substring(0, newline);
        }
    }

    /**
     * How the program ended.
     *
     * @param exitCode its exit code
     * @param output its standard output
     * @param firstErrorLine the first line of its standard error, at most 2 KiB
     */
    public record Outcome(int exitCode, String output, String firstErrorLine) {
    }
}
