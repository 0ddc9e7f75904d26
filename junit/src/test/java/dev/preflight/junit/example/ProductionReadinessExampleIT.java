package dev.preflight.junit.example;

import dev.preflight.Report;
import dev.preflight.junit.PreflightCheck;
import dev.preflight.junit.PreflightTests;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The same check run by Failsafe in the {@code integration-test} phase, where checks that reach real
 * servers belong: name the class {@code *IT}.
 */
class ProductionReadinessExampleIT {
    @TestFactory
    @PreflightCheck(env = "src/test/resources/example/production.env", probes = "env.*",
            exclude = {"env.file-permissions", "env.file-untracked"})
    Stream<DynamicNode> production(Report report) {
        return PreflightTests.of(report);
    }
}
