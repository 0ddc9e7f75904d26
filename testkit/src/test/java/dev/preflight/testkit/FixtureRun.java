package dev.preflight.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a contract fixture class through the JUnit launcher, as an IDE would, and keeps each test's
 * verdict under {@code "<contract> › <probe>"} (or the contract alone for a test without probes).
 */
final class FixtureRun implements TestExecutionListener {
    private final Map<String, TestExecutionResult> results = new LinkedHashMap<>();
    private TestPlan plan;

    private FixtureRun() {
    }

    static FixtureRun of(Class<?> fixture) {
        FixtureRun run = new FixtureRun();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture)).build(),
                run);
        return run;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest()) {
            results.put(name(test), result);
        }
    }

    Set<String> all() {
        return new TreeSet<>(results.keySet());
    }

    Set<String> with(TestExecutionResult.Status status) {
        Set<String> names = new TreeSet<>();
        results.forEach((name, result) -> {
            if (result.getStatus() == status) {
                names.add(name);
            }
        });
        return names;
    }

    String message(String test) {
        TestExecutionResult result = results.get(test);
        if (result == null) {
            throw new IllegalArgumentException("no test " + test + " among " + all());
        }
        return result.getThrowable().map(Throwable::getMessage).orElse("");
    }

    private String name(TestIdentifier test) {
        TestIdentifier parent = plan.getParent(test).orElseThrow();
        return parent.getSource().filter(MethodSource.class::isInstance).isPresent()
                ? parent.getDisplayName() + " › " + test.getDisplayName()
                : test.getDisplayName();
    }
}
