package dev.preflight.junit.internal;

import dev.preflight.ProbeOutcome;
import dev.preflight.probe.Status;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The body of one outcome's dynamic test: returns to pass, throws to fail or abort. */
final class OutcomeCheck implements Executable {
    private static final StackTraceElement[] NO_STACK = new StackTraceElement[0];

    private final ProbeOutcome outcome;
    private final boolean strict;

    OutcomeCheck(ProbeOutcome outcome, boolean strict) {
        this.outcome = outcome;
        this.strict = strict;
    }

    @Override
    public void execute() {
        if (outcome.waived()) {
            throw abort(OutcomeMessages.waived(outcome));
        }
        if (outcome.status() == Status.SKIP) {
            throw abort(outcome.result().summary());
        }
        if (outcome.status().isProblem(strict)) {
            // No cause, even for an ERROR: the runner redacts the result's texts, not the exception's message.
            throw withoutStack(new AssertionFailedError(OutcomeMessages.failure(outcome)));
        }
    }

    static TestAbortedException abort(String message) {
        return withoutStack(new TestAbortedException(message));
    }

    /**
     * The stack would hold only JUnit's and the stream's frames: what went wrong is in the target, and
     * the message says it. Reports stay readable, with Surefire's trimStackTrace off too.
     */
    private static <T extends Throwable> T withoutStack(T t) {
        t.setStackTrace(NO_STACK);
        return t;
    }
}
