package dev.preflight.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prometheus' own checker ({@code /usr/bin/promtool}, Debian package {@code prometheus}): a
 * configuration, alerting rules and rule unit tests are valid when promtool says so, not when they
 * merely parse as YAML.
 *
 * <pre>{@code
 * Promtool.assumeAvailable();
 * Promtool.run("check", "rules", "examples/prometheus/preflight-rules.yml");
 * }</pre>
 *
 * @since 0.3
 */
public final class Promtool {
    private static final Path DEFAULT_BINARY = Paths.get("/usr/bin/promtool");

    private Promtool() {
    }

    /** @return promtool's path: {@code $PROMTOOL}, else {@code /usr/bin/promtool} */
    public static Path binary() {
        return Servers.binary("PROMTOOL", DEFAULT_BINARY);
    }

    /** Skips the calling test when promtool is not installed, unless servers are required. */
    public static void assumeAvailable() {
        Servers.assumeAvailable(binary(), "promtool");
    }

    /**
     * @param arguments e.g. {@code check, config, prometheus.yml}
     * @return what promtool printed on standard output
     * @throws IOException if it fails (exit status not 0) or takes more than 60 s; the message carries
     *     its standard error
     */
    public static String run(String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(binary().toString());
        for (String argument : arguments) {
            // Relative paths are the caller's, not the scratch directory's, where the tool runs.
            Path path = Paths.get(argument);
            command.add(Files.exists(path) ? path.toAbsolutePath().toString() : argument);
        }
        Path scratch = Files.createTempDirectory("promtool-");
        try {
            return Commands.run(command, scratch, "", Map.of(), Duration.ofSeconds(60));
        } finally {
            try (var files = Files.list(scratch)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(scratch);
        }
    }
}
