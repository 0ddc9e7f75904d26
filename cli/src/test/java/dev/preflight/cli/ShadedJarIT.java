package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the shipped jar as users do: {@code java -jar preflight.jar …} in its own process. */
class ShadedJarIT {
    private static final Path JAR = Path.of("target", "preflight.jar");

    private static Process start(List<String> args, Path output) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private static String run(int expectedExit, String... args) throws Exception {
        Path output = Files.createTempFile("preflight-it", ".txt");
        try {
            Process p = start(List.of(args), output);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the command finished").isTrue();
            String text = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(text).isEqualTo(expectedExit);
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    @Test
    void jarRunsTheBundledExample() throws Exception {
        String out = run(1, "check", "--env", "../examples/production.env", "--probe", "env.*");

        assertThat(out).contains("✖ FAIL").contains("env.secrets").contains("failed");
    }

    @Test
    void jarFindsEveryBundledProbeThroughMergedServiceFiles() throws Exception {
        String out = run(0, "list");

        assertThat(out).contains("env.debug").contains("env.payment-live-keys").contains("env.error-tracking");
    }

    @Test
    void jarPrintsItsVersionFromTheManifest() throws Exception {
        assertThat(run(0, "--version")).startsWith("preflight 0.1.0");
    }
}
