package dev.preflight.env;

import dev.preflight.Preflight;
import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes an environment file and checks it the way {@code preflight check --env FILE} does: the real
 * loader reads it, derives its targets, and the real runner runs the named probes.
 */
final class EnvFile {
    private final Path file;

    private EnvFile(Path file) {
        this.file = file;
    }

    /**
     * @param dir a temporary directory
     * @param lines the file's lines
     */
    static EnvFile write(Path dir, String... lines) {
        try {
            return new EnvFile(Files.writeString(dir.resolve(".env.production"), String.join("\n", lines) + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Report run(String... probes) {
        return Preflight.builder().envFile(file).environment(Map.of()).probes(probes).build().run();
    }

    /** @return the one outcome of a probe on the file's ENV target */
    ProbeOutcome outcome(String probe) {
        List<ProbeOutcome> outcomes = run(probe).outcomes().stream().filter(o -> o.target().equals(".env.production"))
                .toList();
        if (outcomes.size() != 1 || outcomes.get(0).status() == Status.ERROR) {
            throw new AssertionError("expected one result of " + probe + ", got " + outcomes);
        }
        return outcomes.get(0);
    }

    /** @return the lines of a result's failures and warnings, {@code NAME: reason} */
    static List<String> problems(ProbeOutcome outcome) {
        return java.util.stream.Stream.concat(EnvCheck.list(outcome.result(), "failures").stream(),
                EnvCheck.list(outcome.result(), "warnings").stream()).map(String::valueOf).toList();
    }
}
