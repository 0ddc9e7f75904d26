package dev.preflight.junit;

import dev.preflight.Report;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Run by {@link PreflightCheckTest} through the engine test kit; every method fails on purpose. */
class ConfigErrorFixture {
    @TestFactory
    @PreflightCheck(config = "src/test/resources/config/broken.yml")
    Stream<DynamicNode> unknownKey(Report report) {
        return PreflightTests.of(report);
    }

    @TestFactory
    @PreflightCheck(env = "src/test/resources/env/missing.env")
    Stream<DynamicNode> missingFile(Report report) {
        return PreflightTests.of(report);
    }

    @TestFactory
    @PreflightCheck(env = "src/test/resources/env/clean.env", probes = "env.debgu")
    Stream<DynamicNode> unknownProbe(Report report) {
        return PreflightTests.of(report);
    }

    @TestFactory
    @PreflightCheck(env = "src/test/resources/env/clean.env", timeout = "10 sec")
    Stream<DynamicNode> badTimeout(Report report) {
        return PreflightTests.of(report);
    }

    @TestFactory
    @PreflightCheck
    Stream<DynamicNode> nothingToCheck(Report report) {
        return PreflightTests.of(report);
    }
}
