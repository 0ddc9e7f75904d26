package dev.preflight.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.Report;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Run by {@link PreflightCheckTest} through the engine test kit. */
class ReportParameterFixture {
    @Test
    @PreflightCheck(env = "src/test/resources/env/clean.env", probes = "env.debug", timeout = "5s")
    void oneRunPerMethod(Report first, Report second) {
        assertThat(second).isSameAs(first);
        assertThat(first.outcomes()).hasSize(1);
    }

    @TestFactory
    @CleanProduction
    Stream<DynamicNode> composedAnnotation(Report report) {
        return PreflightTests.of(report);
    }

    @Retention(RetentionPolicy.RUNTIME)
    @PreflightCheck(env = "src/test/resources/env/clean.env", probes = {"env.debug", "env.environment"})
    @interface CleanProduction {
    }
}
