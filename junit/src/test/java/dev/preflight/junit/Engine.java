package dev.preflight.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** Runs a fixture class on the Jupiter engine and reads what happened. */
final class Engine {
    private Engine() {
    }

    static EngineExecutionResults run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
    }

    /** @return the display names of the events, in order */
    static List<String> names(Events events) {
        return events.map(e -> e.getTestDescriptor().getDisplayName()).toList();
    }

    /** @return the finished event of the test or container with that display name */
    static Event finished(Events events, String displayName) {
        return events.finished().filter(e -> e.getTestDescriptor().getDisplayName().equals(displayName))
                .findFirst().orElseThrow(() -> new AssertionError("no finished event named " + displayName
                        + " among " + names(events.finished())));
    }

    /** @return the exception a finished event carries */
    static Throwable thrown(Event finished) {
        Optional<Throwable> t = finished.getRequiredPayload(TestExecutionResult.class).getThrowable();
        return t.orElseThrow(() -> new AssertionError(finished + " threw nothing"));
    }
}
