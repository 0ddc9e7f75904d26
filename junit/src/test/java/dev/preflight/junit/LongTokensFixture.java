package dev.preflight.junit;

import dev.preflight.Report;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Run by {@link PreflightCheckTest} through the engine test kit; the strict method fails on purpose. */
class LongTokensFixture {
    @TestFactory
    @PreflightCheck(env = "src/test/resources/env/long-tokens.env", probes = "env.token-lifetime")
    Stream<DynamicNode> lenient(Report report) {
        return PreflightTests.of(report);
    }

    @TestFactory
    @PreflightCheck(env = "src/test/resources/env/long-tokens.env", probes = "env.token-lifetime")
    Stream<DynamicNode> strict(Report report) {
        return PreflightTests.of(report, true);
    }
}
