package dev.preflight.junit;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Run by {@link PreflightTestsTest} through the engine test kit; some of its tests fail on purpose. */
class StrictScriptedRunFixture {
    @TestFactory
    Stream<DynamicNode> strict() {
        return PreflightTests.of(ScriptedRuns.everyStatusReport(), true);
    }
}
