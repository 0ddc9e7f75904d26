package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Issue 10: bad input exits 2 with one clear line, a bug exits 3, and neither prints a stack trace. */
class BadInputTest {
    private static final Duration QUICKLY = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static void assertUsageError(CliRun run, String... parts) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(parts).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
    }

    @Test
    void yamlNestedTwoThousandLevelsDeepExitsTwoNamingTheLine() throws IOException {
        Path config = file("preflight.yml", "version: 1\ntargets: " + "[".repeat(2000) + "]".repeat(2000) + "\n");

        CliRun run = CliRun.of("check", "--config", config.toString());

        assertUsageError(run, "preflight.yml:2:", "nest more than 64 levels");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void endlessEnvFileExitsTwoQuickly() {
        CliRun run = assertTimeout(QUICKLY, () -> CliRun.of("check", "--env", "/dev/zero"));

        assertUsageError(run, "/dev/zero", "larger than 4 MB");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void endlessConfigFileExitsTwoQuickly() {
        CliRun run = assertTimeout(QUICKLY, () -> CliRun.of("check", "--config", "/dev/urandom"));

        assertUsageError(run, "/dev/urandom", "larger than 4 MB");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void endlessCaFileExitsTwoQuickly() {
        CliRun run = assertTimeout(QUICKLY,
                () -> CliRun.of("check", "--ca-file", "/dev/zero", "--probe", "http.hsts", "http://127.0.0.1:9"));

        assertUsageError(run, "--ca-file", "/dev/zero", "larger than 4 MB");
    }

    @Test
    void internationalisedHostIsCheckedUnderItsAsciiName() {
        CliRun run = CliRun.of("check", "--probe", "http.hsts", "--resolve", "bücher.example:9:127.0.0.1",
                "https://bücher.example:9");

        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("https://bücher.example:9").contains("xn--bcher-kva.example:9 (127.0.0.1)");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
    }

    @Test
    void probesOfAnotherKindThanEveryTargetExitTwoSayingSo() {
        CliRun run = CliRun.of("check", "--probe", "env.*", "https://shop.example.com");

        assertUsageError(run, "nothing was checked", "the selected probes check only env targets",
                "https://shop.example.com (web)");
    }

    @Test
    void selectionThatLeavesNoProbeExitsTwoSayingSo() throws IOException {
        Path env = file(".env", "DEBUG=false\n");

        CliRun run = CliRun.of("check", "--env", env.toString(), "--probe", "env.debug", "--exclude", "env.*");

        assertUsageError(run, "nothing was checked", "include env.debug; exclude env.*", "leaves no probe");
    }

    @Test
    void configurationWithoutTargetsExitsTwo() throws IOException {
        Path config = file("preflight.yml", "version: 1\ntargets: {}\n");

        assertUsageError(CliRun.of("check", "--config", config.toString()), "names no target");
    }

    @Test
    void runWhoseEveryCheckIsSkippedStillExitsZero() throws IOException {
        Path env = file(".env", "DEBUG=false\n");

        CliRun run = CliRun.of("check", "--env", env.toString(), "--probe", "env.token-lifetime");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("SKIP").contains("1 skipped");
    }

    @Test
    void errorEscapingTheCommandExitsThreeWithOneLineAndNoTrace() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = PreflightCommand.execute(new CommandLine(new Overflowing()), new String[0],
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String printed = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(ExitCodes.INTERNAL);
        assertThat(printed.strip().lines()).hasSize(1);
        assertThat(printed).contains("internal error: java.lang.StackOverflowError")
                .contains("bug in Preflight").contains("report").doesNotContain("\tat ");
    }

    @Command(name = "overflowing")
    static final class Overflowing implements Runnable {
        @Override
        public void run() {
            throw new StackOverflowError();
        }
    }
}
