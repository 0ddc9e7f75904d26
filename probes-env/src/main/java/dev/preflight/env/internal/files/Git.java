package dev.preflight.env.internal.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs the git command line, read-only and bounded by a deadline: no shell, the process killed at
 * the deadline, and an environment without {@code GIT_*} variables, which could point git at another
 * repository or index ({@code GIT_DIR}, {@code GIT_INDEX_FILE}).
 *
 * <p>Options on every call: {@code safe.directory=*}, so a checkout owned by another account (root
 * in CI, a deploy user) is read rather than refused; and {@code core.fsmonitor=false}, so that such a
 * checkout's configuration cannot make git start a program of its choosing. {@code GIT_OPTIONAL_LOCKS=0} keeps
 * git from refreshing the index, a write.
 *
 * @since 0.2
 */
public final class Git {
    private static final int MAX_ERROR_BYTES = 2048;

    private final Instant deadline;
    private final Consumer<AutoCloseable> onCancel;

    /**
     * @param deadline when every call must have ended
     * @param onCancel receives each process, to be killed if the check is cancelled
     */
    public Git(Instant deadline, Consumer<AutoCloseable> onCancel) {
        this.deadline = deadline;
        this.onCancel = onCancel;
    }

    /**
     * @param file a file
     * @return the nearest directory at or above the file's that holds {@code .git} (a directory, or a
     *     file in worktrees and submodules)
     */
    public static Optional<Path> repositoryOf(Path file) {
        for (Path dir = file.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /**
     * @param dir the directory git runs in ({@code git -C dir})
     * @param args global options, the command and its arguments, e.g.
     *     {@code --literal-pathspecs ls-files --error-unmatch -- .env}
     * @return git's exit code and the first line it wrote to standard error
     * @throws NotInstalledException if git cannot be started
     * @throws IOException if git's messages cannot be read
     * @throws TimeoutException if git had not ended at the deadline; it is killed
     * @throws InterruptedException if the check was cancelled
     */
    public Exit run(Path dir, String... args) throws IOException, TimeoutException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "safe.directory=*", "-c",
                "core.fsmonitor=false", "-C", dir.toString()));
        command.addAll(List.of(args));
        // Standard error through a pipe rather than a temporary file, whose name seeds a SecureRandom:
        // 20-50 ms the first time in a JVM, on the longest probe of an offline env check.
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("GIT_"));
        env.put("GIT_OPTIONAL_LOCKS", "0");
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("LC_ALL", "C");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new NotInstalledException(e);
        }
        onCancel.accept(process::destroyForcibly);
        try (InputStream errors = process.getErrorStream()) {
            process.getOutputStream().close();
            long millis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
                throw new TimeoutException("git had not ended at the deadline");
            }
            return new Exit(process.exitValue(), firstLine(errors));
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * The first line of what git wrote to standard error before it ended. Only what the pipe holds
     * is read, so a process git left behind holding the pipe open cannot block the check; git writes
     * a line or two, far below a pipe's capacity, so nothing it wrote waits outside the pipe.
     */
    private static String firstLine(InputStream errors) throws IOException {
        String text = new String(errors.readNBytes(Math.min(errors.available(), MAX_ERROR_BYTES)),
                StandardCharsets.UTF_8).strip();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end).strip();
    }

    /** Git could not be started: it is not installed, or not on the {@code PATH}. */
    public static final class NotInstalledException extends IOException {
        private static final long serialVersionUID = 1L;

        NotInstalledException(IOException cause) {
            super("git cannot be started", cause);
        }
    }

    /**
     * How a git command ended.
     *
     * @param code the exit code
     * @param error the first line of standard error, maybe empty
     */
    public record Exit(int code, String error) {
    }
}
