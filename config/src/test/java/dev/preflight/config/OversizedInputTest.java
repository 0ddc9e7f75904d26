package dev.preflight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import dev.preflight.ConfigException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Files that would exhaust the stack or the heap are refused with a ConfigException, quickly. */
class OversizedInputTest {
    private static final Duration QUICKLY = Duration.ofSeconds(10);
    private static final Path DEV_ZERO = Path.of("/dev/zero");

    @TempDir
    Path dir;

    @Test
    void deeplyNestedYamlIsRefusedAtItsLineInsteadOfOverflowingTheStack() {
        // About 4 KB: two thousand levels of flow lists.
        String yaml = "version: 1\ntargets: " + "[".repeat(2000) + "]".repeat(2000) + "\n";

        ConfigException e = new Fixtures(dir).yamlError(yaml);

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.problem()).contains("nest more than 64 levels");
    }

    @Test
    void yamlNestedAsDeepAsTheLimitStillParses() {
        String yaml = "version: 1\nenvironment: production\nx-notes: " + "[".repeat(63) + "]".repeat(63) + "\n";

        ConfigException e = new Fixtures(dir).yamlError(yaml);

        assertThat(e.problem()).doesNotContain("nest").contains("x-notes");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void endlessYamlFileIsRefusedWithoutReadingItAll() {
        ConfigException e = assertTimeout(QUICKLY,
                () -> Fixtures.expectProblem(() -> Fixtures.loader(Map.of()).loadYaml(DEV_ZERO)));

        assertThat(e.file()).contains("/dev/zero");
        assertThat(e.problem()).contains("larger than 4 MB");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void endlessEnvFileIsRefusedWithoutReadingItAll() {
        ConfigException e = assertTimeout(QUICKLY,
                () -> Fixtures.expectProblem(() -> Fixtures.loader(Map.of()).loadEnvFile(DEV_ZERO)));

        assertThat(e.file()).contains("/dev/zero");
        assertThat(e.problem()).contains("larger than 4 MB");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void endlessCaFileIsRefusedWithoutReadingItAll() {
        ConfigException e = assertTimeout(QUICKLY, () -> catchThrowableOfType(ConfigException.class,
                () -> NetworkOptions.caCertificates("--ca-file", DEV_ZERO)));

        assertThat(e.key()).contains("--ca-file");
        assertThat(e.problem()).contains("/dev/zero").contains("larger than 4 MB");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void pipeThatNeverEndsIsRefusedWithoutReadingItAll() throws Exception {
        Path fifo = dir.resolve("endless.env");
        new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor();
        Thread writer = new Thread(() -> {
            byte[] line = "A=1\n".repeat(1024).getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = Files.newOutputStream(fifo)) {
                while (true) {
                    out.write(line);
                }
            } catch (IOException e) {
                // The reader closed the pipe: done.
            }
        });
        writer.setDaemon(true);
        writer.start();

        ConfigException e = assertTimeout(QUICKLY,
                () -> Fixtures.expectProblem(() -> Fixtures.loader(Map.of()).loadEnvFile(fifo)));

        assertThat(e.problem()).contains("larger than 4 MB");
        writer.join(QUICKLY.toMillis());
        assertThat(writer.isAlive()).isFalse();
    }

    @Test
    void largeRegularFileIsRefusedButOneUnderTheLimitIsRead() throws IOException {
        String line = "# " + "x".repeat(1021) + "\n";
        Path big = Files.writeString(dir.resolve("big.env"), "A=1\n" + line.repeat(4 * 1024));
        Path fits = Files.writeString(dir.resolve("fits.env"), "A=1\n" + line.repeat(3 * 1024));

        assertThat(Fixtures.expectProblem(() -> Fixtures.loader(Map.of()).loadEnvFile(big)).problem())
                .contains("larger than 4 MB");
        assertThatCode(() -> Fixtures.loader(Map.of()).loadEnvFile(fits)).doesNotThrowAnyException();
    }
}
