package dev.preflight.junit;

import dev.preflight.Report;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Run by {@link PreflightCheckTest} through the engine test kit; env.debug fails on purpose. */
class DebugOnFixture {
    @TestFactory
    @PreflightCheck(env = "src/test/resources/env/debug-on.env", probes = "env.*",
            // The fixture is a file in this repository: mode and git status are not what is tested here.
            exclude = {"env.file-permissions", "env.file-untracked"})
    Stream<DynamicNode> production(Report report) {
        return PreflightTests.of(report);
    }
}
