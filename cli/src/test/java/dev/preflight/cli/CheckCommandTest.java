package dev.preflight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    static final Path EXAMPLE_ENV = Path.of("..", "examples", "production.env");

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void bundledExampleReportsItsProblemsAndExitsOne() {
        CliRun run = CliRun.of("check", "--env", EXAMPLE_ENV.toString(), "--probe", "env.*");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
        assertThat(run.out()).contains("FAIL").contains("env.secrets").contains("production.env");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void cleanEnvironmentExitsZero() throws IOException {
        Path env = file(".env.production", "DEBUG=false\nNODE_ENV=production\n");

        CliRun run = CliRun.of("check", "--env", env.toString(), "--probe", "env.debug,env.environment");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("PASS");
    }

    @Test
    void strictTurnsWarningsIntoExitOne() throws IOException {
        Path env = file(".env.production", "ACCESS_TOKEN_EXPIRE_MINUTES=10080\n");

        CliRun lenient = CliRun.of("check", "--env", env.toString(), "--probe", "env.token-lifetime");
        CliRun strict = CliRun.of("check", "--env", env.toString(), "--probe", "env.token-lifetime", "--strict");

        assertThat(lenient.out()).contains("WARN");
        assertThat(lenient.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(strict.exitCode()).isEqualTo(ExitCodes.PROBLEMS);
    }

    @Test
    void badConfigurationExitsTwoNamingFileLineAndKeyWithoutStackTrace() throws IOException {
        Path config = file("preflight.yml", "version: 1\ntargets:\n  shop:\n    url: https://shop.example.com\n    timout: 5s\n");

        CliRun run = CliRun.of("check", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("preflight.yml:5").contains("timout").contains("timeout")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unknownProbeIdExitsTwoWithASuggestion() throws IOException {
        Path env = file(".env", "DEBUG=false\n");

        CliRun run = CliRun.of("check", "--env", env.toString(), "--probe", "env.debgu");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("env.debgu").contains("did you mean 'env.debug'");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(CliRun.of("check", "--no-such-option").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("check", "--timeout", "ten seconds", "https://shop.example.com").exitCode())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("check", "ftp://files.example.com").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("check", "--format", "yaml", "https://shop.example.com").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("check", "--resolve", "shop.example.com:443", "https://shop.example.com").err())
                .contains("--resolve");
        assertThat(CliRun.of("check", "--dns-server", "ns1.example.com", "example.com").err())
                .contains("--dns-server").contains("not an IP address");
        CliRun missingCa = CliRun.of("check", "--ca-file", "no-such-ca.pem", "https://shop.example.com");
        assertThat(missingCa.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missingCa.err()).contains("no-such-ca.pem").contains("--ca-file");
        assertThat(CliRun.of("check", "not a domain").err()).contains("neither a URL nor a domain");
    }

    @Test
    void timeoutTooLongForDeadlineArithmeticIsAUsageError() {
        for (String option : new String[] {"--timeout", "--overall-timeout"}) {
            CliRun run = CliRun.of("check", option, "999999999999999h", "--probe", "http.hsts", "http://127.0.0.1:9");

            assertThat(run.exitCode()).as(option + run.err()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains(option).contains("'999999999999999h' is too long")
                    .doesNotContain("overflow").doesNotContain("\tat ");
        }
    }

    @Test
    void positionalTargetWithoutApplicableProbeIsPointedOut() throws IOException {
        Path env = file(".env", "DEBUG=false\n");

        CliRun run = CliRun.of("check", "--env", env.toString(), "--probe", "env.debug", "https://shop.example.com");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).contains("no selected probe applies to https://shop.example.com (web target)");
    }

    @Test
    void nothingToCheckIsAUsageError() {
        CliRun run = CliRun.of("check", "--probe", "env.debug");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("nothing to check");
    }

    @Test
    void helpAndVersionExitZero() {
        CliRun help = CliRun.of("--help");
        CliRun checkHelp = CliRun.of("check", "--help");
        CliRun version = CliRun.of("--version");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("check").contains("list").contains("Exit codes");
        assertThat(checkHelp.out()).contains("--env").contains("--resolve").contains("--strict");
        assertThat(version.out()).isEqualTo("preflight " + dev.preflight.Preflight.version() + System.lineSeparator()
                + "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
                + System.lineSeparator());
        assertThat(CliRun.of("-V").out()).isEqualTo(version.out());
        assertThat(CliRun.of("--version", "check").exitCode()).as("not alone: picocli's rules").isEqualTo(0);
    }

    @Test
    void listShowsEveryProbeWithKindAndWrites() {
        CliRun run = CliRun.of("list");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("ID").contains("env.debug").contains("env").contains("no");
    }

    @Test
    void listFindsTheHostScanAndTheStorageProbe() {
        CliRun run = CliRun.of("list");

        assertThat(run.out()).contains("net.open-ports").contains("net.host-open-ports")
                .contains("storage.public-listing");
    }
}
