package dev.preflight.junit.example;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.Report;
import dev.preflight.junit.PreflightCheck;
import dev.preflight.junit.PreflightTests;
import dev.preflight.probe.Status;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What a project adds to its own test suite to check its production environment file on every build:
 * each env probe shows as a test of its own. Copy it and point {@code env} at your file, relative to
 * the module directory. Checks that reach the network belong in an {@code *IT} class, run by Failsafe.
 *
 * <p>{@code env.file-permissions} and {@code env.file-untracked} judge the file on disk (its mode, and
 * whether git tracks it). The file here is a fixture committed to this repository, so they are left
 * out; keep them for your real file, which should be neither committed nor readable by others.
 */
class ProductionReadinessExampleTest {
    @TestFactory
    @PreflightCheck(env = "src/test/resources/example/production.env", probes = "env.*",
            exclude = {"env.file-permissions", "env.file-untracked"})
    Stream<DynamicNode> production(Report report) {
        return PreflightTests.of(report);
    }

    /** The same run as one test, with AssertJ assertions: fails listing every problem and its fix. */
    @Test
    @PreflightCheck(env = "src/test/resources/example/production.env", probes = "env.*",
            exclude = {"env.file-permissions", "env.file-untracked"})
    void productionEnvironmentIsReady(Report report) {
        assertThat(report).hasNoFailures();
        assertThat(report).hasOutcome("env.debug").hasStatus(Status.PASS);
    }
}
