package dev.preflight.junit;

import dev.preflight.Report;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Run by {@link PreflightCheckTest} through the engine test kit. */
class WaivedConfigFixture {
    @TestFactory
    @PreflightCheck(config = "src/test/resources/config/waived.yml", probes = "env.debug")
    Stream<DynamicNode> production(Report report) {
        return PreflightTests.of(report);
    }
}
