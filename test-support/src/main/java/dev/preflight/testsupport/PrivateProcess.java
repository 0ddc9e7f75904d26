package dev.preflight.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server binary run as a child of this JVM in a fresh temporary directory of its own, for the
 * real servers of {@code test-support} (knotd, nginx, postgres, redis-server). Its standard output and
 * error go to a file in that directory. {@link #close()} stops exactly this process and its
 * descendants, by pid and never by name, then deletes the directory; a JVM shutdown hook does the
 * same if a test exits without closing it.
 *
 * <pre>{@code
 * PrivateProcess redis = PrivateProcess.builder("redis-server").start(dir -> {
 *     Files.writeString(dir.resolve("redis.conf"), "port " + port + "\nbind 127.0.0.1\n");
 *     return List.of("/usr/bin/redis-server", dir.resolve("redis.conf").toString());
 * });
 * redis.awaitReady(Duration.ofSeconds(20), "port " + port, PrivateProcess.Readiness.listening(List.of(port)));
 * }</pre>
 *
 * <p>Stopping sends SIGTERM, waits up to the grace period (default 5 s) and then sends SIGKILL;
 * descendants still alive after that get SIGKILL too, and each is waited for up to the grace
 * period. Thread-safe; {@code close()} may be called more than once.
 *
 * @since 0.1
 */
public final class PrivateProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path directory;
    private final List<String> logFiles;
    private final Duration grace;
    private final Thread cleanup;
    private boolean stopped;

    private PrivateProcess(Builder builder, Process process, Path directory) {
        this.name = builder.name;
        this.process = process;
        this.directory = directory;
        List<String> logs = new ArrayList<>(builder.logFiles);
        logs.add(builder.output);
        this.logFiles = List.copyOf(logs);
        this.grace = builder.grace;
        this.cleanup = new Thread(this::stop, name + "-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /**
     * @param name the binary's short name, e.g. {@code knotd}; it names the log, the directory and
     *     the process in error messages
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return the private directory, which exists until {@link #close()} */
    public Path directory() {
        return directory;
    }

    /** @return the process started; its descendants are stopped with it */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /**
     * @param fileName a file in the private directory
     * @return its content as UTF-8, or {@code ""} if it does not exist (yet)
     * @throws UncheckedIOException if it exists and cannot be read
     */
    public String read(String fileName) {
        try {
            Path file = directory.resolve(fileName);
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @return the log so far: each {@link Builder#log} file in the order given, then the captured
     *     output
     * @throws UncheckedIOException if one of them cannot be read
     */
    public String log() {
        StringBuilder log = new StringBuilder();
        for (String file : logFiles) {
            log.append(read(file));
        }
        return log.toString();
    }

    /**
     * Polls {@code readiness} every 10 ms until it says ready. On any failure the process is stopped
     * and its directory deleted before the exception is thrown, and the message carries the log.
     *
     * @param timeout how long to wait at most
     * @param awaited what readiness means, for the timeout message, e.g. {@code "port 8443"}
     * @param readiness returns false while not ready; throws an {@code IOException} whose message says
     *     why to give up at once (e.g. the log shows the config was rejected)
     * @throws FreePorts.PortTakenException if the log says "address already in use"
     * @throws IOException if the process exits, {@code readiness} gives up, the timeout passes, or the
     *     thread is interrupted (its interrupt status is kept)
     */
    public void awaitReady(Duration timeout, String awaited, Readiness readiness) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String failure = null;
            try {
                if (readiness.ready()) {
                    return;
                }
                if (!process.isAlive()) {
                    failure = name + " exited with status " + process.exitValue();
                } else if (System.nanoTime() > deadline) {
                    failure = name + " was not ready (" + awaited + ") within " + timeout.toMillis() + " ms";
                }
            } catch (IOException e) {
                failure = e.getMessage();
            }
            if (failure != null) {
                throw failed(failure);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IOException("interrupted while waiting for " + name + " to be ready", e);
            }
        }
    }

    private IOException failed(String reason) {
        String log = log();
        close();
        if (log.toLowerCase(Locale.ROOT).contains("address already in use")) {
            return new FreePorts.PortTakenException(name, log);
        }
        return new IOException(reason + "; its log:\n" + log);
    }

    /** Stops the process and its descendants, waiting for them, and deletes the private directory. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook runs or ran.
        }
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        // Taken before the parent dies: an orphan is re-parented and no longer listed.
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
            for (ProcessHandle child : descendants) {
                if (child.isAlive()) {
                    child.destroyForcibly();
                }
                child.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // A descendant that outlives the grace period after SIGKILL: nothing more to do from here.
        }
        deleteRecursively(directory);
    }

    /** Deletes {@code dir} and everything in it, quietly: what cannot be deleted is left to the OS's temp cleaning. */
    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Leave it to the OS's temp cleaning.
        }
    }

    /**
     * Configures a {@link PrivateProcess}. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final String name;
        private String directoryPrefix;
        private String output;
        private final List<String> logFiles = new ArrayList<>();
        private Duration grace = Duration.ofSeconds(5);

        private Builder(String name) {
            this.name = name;
            this.directoryPrefix = "preflight-" + name + "-";
            this.output = name + ".log";
        }

        /** @param prefix the temporary directory's name prefix; default {@code preflight-NAME-} @return this builder */
        public Builder directoryPrefix(String prefix) {
            this.directoryPrefix = prefix;
            return this;
        }

        /** @param fileName where standard output and error go, in the directory; default {@code NAME.log} @return this builder */
        public Builder output(String fileName) {
            this.output = fileName;
            return this;
        }

        /**
         * @param fileName a log file the process writes itself, in the directory; {@link #log()} shows it
         *     before the captured output
         * @return this builder
         */
        public Builder log(String fileName) {
            logFiles.add(fileName);
            return this;
        }

        /** @param period how long to wait after SIGTERM, and after SIGKILL; default 5 s @return this builder */
        public Builder stopGrace(Duration period) {
            this.grace = period;
            return this;
        }

        /**
         * Creates the private directory, lets {@code setup} fill it, and starts the command it returns.
         * Returns at once: wait with {@link PrivateProcess#awaitReady}.
         *
         * @param setup writes config files into the directory and returns the command line
         * @return the running process
         * @throws IOException if {@code setup} fails or the command cannot be started; the directory is
         *     deleted then
         */
        public PrivateProcess start(Setup setup) throws IOException {
            Path dir = Files.createTempDirectory(directoryPrefix);
            try {
                List<String> command = setup.command(dir);
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(output).toFile()).start();
                return new PrivateProcess(this, process, dir);
            } catch (IOException | RuntimeException e) {
                deleteRecursively(dir);
                throw e;
            }
        }
    }

    /**
     * Prepares the private directory for a {@link PrivateProcess}.
     *
     * @since 0.1
     */
    @FunctionalInterface
    public interface Setup {
        /**
         * @param directory the fresh private directory, empty
         * @return the command line: the binary's path, then its arguments
         * @throws IOException if a file cannot be written
         */
        List<String> command(Path directory) throws IOException;
    }

    /**
     * Tells {@link PrivateProcess#awaitReady} whether the server is ready yet.
     *
     * @since 0.1
     */
    @FunctionalInterface
    public interface Readiness {
        /**
         * @return whether the server is ready; false to be asked again 10 ms later
         * @throws IOException to give up at once; its message says why
         */
        boolean ready() throws IOException;

        /**
         * @param ports ports of {@link FreePorts#LOOPBACK}
         * @return ready once every port accepts a TCP connection (each attempt bounded to 200 ms)
         */
        static Readiness listening(List<Integer> ports) {
            return () -> ports.stream().allMatch(Readiness::accepts);
        }

        private static boolean accepts(int port) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(FreePorts.LOOPBACK, port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
