package dev.preflight.env;

import dev.preflight.ProbeOutcome;
import dev.preflight.probe.Probe;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ProbeTestKit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one probe on an env file that exists on disk, with the target the loader builds for it
 * (attribute {@code source} set to the file's path), and makes files and git repositories for it.
 */
final class FileCheck {
    private final Probe probe;
    private final Path file;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private Duration timeout = ProbeTestKit.DEFAULT_TIMEOUT;
    private String stage;

    private FileCheck(Probe probe, Path file) {
        this.probe = probe;
        this.file = file;
    }

    static FileCheck of(Probe probe, Path file) {
        return new FileCheck(probe, file);
    }

    /** A check of a file whose variables the real loader reads, as {@code --env FILE} does. */
    static FileCheck loaded(Probe probe, Path file) {
        FileCheck check = new FileCheck(probe, file);
        check.variables.putAll(dev.preflight.config.EnvFile.parse(file).variables());
        return check;
    }

    FileCheck stage(String stage) {
        this.stage = stage;
        return this;
    }

    FileCheck with(String name, String value) {
        variables.put(name, value);
        return this;
    }

    FileCheck timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    ProbeOutcome outcome() {
        Target.Builder target = Target.builder(file.getFileName().toString(), TargetKind.ENV).variables(variables)
                .attribute("source", file.toString());
        if (stage != null) {
            target.attribute("environment", stage);
        }
        return ProbeTestKit.forProbe(probe).target(target.build()).timeout(timeout).run();
    }

    Result result() {
        return outcome().result();
    }

    /** Writes a file and gives it a POSIX mode such as {@code rw-------}. */
    static Path write(Path file, String text, String mode) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command (git, mkfifo) in a directory and insists it succeeds within 30 s. */
    static void run(Path dir, String... command) {
        try {
            Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + List.of(command));
            }
            String out = new String(p.getInputStream().readAllBytes());
            if (p.exitValue() != 0) {
                throw new AssertionError(List.of(command) + " failed: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Makes a git repository with a committer identity, so that commits work on any machine. */
    static void gitInit(Path dir) {
        run(dir, "git", "init", "-q");
        run(dir, "git", "config", "user.email", "test@preflight.invalid");
        run(dir, "git", "config", "user.name", "Preflight test");
        run(dir, "git", "config", "commit.gpgsign", "false");
    }
}
