package dev.preflight.testkit.internal;

import static dev.preflight.testkit.internal.ContractSetup.DEADLINE;
import static dev.preflight.testkit.internal.ContractSetup.MARGIN;

import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.InvalidSettingException;
import dev.preflight.probe.Probe;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ContractTargets;
import java.util.ArrayList;
import java.util.List;

/** The contract's checks of how a probe behaves when the runner runs it. */
public final class BehaviourChecks {

    private BehaviourChecks() {
    }

    /**
     * Judged by how {@code check} itself ended. A checked exception is the SPI's documented way of
     * saying "could not tell", and one after the deadline answers the runner's cancellation; an
     * unchecked exception or an error before the deadline is a bug in the probe.
     *
     * @param probe the probe
     * @param setup the subclass's hooks
     */
    public static void alwaysReturnsAResult(Probe probe, ContractSetup setup) {
        ContractSetup.assumeRunnable(probe);
        try (ContractTargets targets = ContractTargets.open()) {
            RecordingProbe recording = new RecordingProbe(probe);
            ProbeOutcome outcome = setup.kit(recording, probe, setup.target(probe, targets), targets)
                    .timeout(DEADLINE).allowWrites(probe.writes()).run();
            String id = probe.id();
            if (recording.ending() == RecordingProbe.Ending.NULL) {
                throw new AssertionError(id + " returned null from check(); always return a Result: Result.skip(\"…\")"
                        + " when there is nothing to check, Result.error(\"…\", e) when it could not tell");
            }
            if (recording.ending() == RecordingProbe.Ending.THREW_BEFORE_DEADLINE
                    && (recording.thrown() instanceof RuntimeException || recording.thrown() instanceof Error)
                    && !(recording.thrown() instanceof InvalidSettingException)) {
                throw new AssertionError(id + " threw " + recording.thrown().getClass().getName() + " from check(),"
                        + " which users see as '" + outcome.result().summary() + "'; an unchecked exception is a bug:"
                        + " handle what you expect (malformed answers are Result.fail(…) with a sentence a user can"
                        + " act on) and let only I/O failures propagate", recording.thrown());
            }
        }
    }

    /**
     * @param probe a probe that uses the network, pointed at the silent server by the subclass
     * @param setup the subclass's hooks
     * @throws InterruptedException if the test is interrupted while waiting for the probe
     */
    public static void stopsAtItsDeadline(Probe probe, ContractSetup setup) throws InterruptedException {
        ContractSetup.assumeRunnable(probe);
        try (ContractTargets targets = ContractTargets.open()) {
            RecordingProbe recording = new RecordingProbe(probe);
            ProbeOutcome outcome = setup.kit(recording, probe, setup.target(probe, targets), targets)
                    .timeout(DEADLINE).allowWrites(probe.writes()).run();
            List<String> problems = new ArrayList<>();
            if (outcome.status() != Status.ERROR && outcome.status() != Status.FAIL) {
                problems.add("expected ERROR or FAIL from a server that never answers, got " + Describe.line(outcome)
                        + "; point targetFor(...) at targets.silentServer() and give settingsFor(...) what the probe needs");
            }
            if (outcome.duration().compareTo(DEADLINE.plus(MARGIN)) >= 0) {
                problems.add("the run took " + outcome.duration().toMillis() + " ms with a deadline of "
                        + DEADLINE.toMillis() + " ms");
            }
            // The runner records ERROR at the deadline whatever the probe does; only this shows a thread left blocked.
            if (!recording.awaitEnd(MARGIN)) {
                problems.add("check() was still running " + MARGIN.toSeconds() + " s after its deadline of "
                        + DEADLINE.toSeconds() + " s, so its thread stays blocked: pass context.remaining() to every"
                        + " connect and read timeout, and register sockets with context.onCancel(...)");
            }
            IdentityChecks.fail(prefixed(probe.id(), problems));
        }
    }

    /**
     * @param probe a probe
     * @param setup the subclass's hooks
     */
    public static void honoursTheWritesFlag(Probe probe, ContractSetup setup) {
        ContractSetup.assumeRunnable(probe);
        try (ContractTargets targets = ContractTargets.open()) {
            Target target = setup.target(probe, targets);
            RecordingProbe unnamed = new RecordingProbe(probe);
            Report report = setup.kit(unnamed, probe, target, targets).timeout(DEADLINE).allowWrites(false).runReport();
            List<String> problems = new ArrayList<>();
            if (!probe.writes()) {
                if (unnamed.calls() == 0) {
                    problems.add("writes() is false, yet the runner did not call check(): " + report.outcomes());
                }
            } else {
                if (!report.outcomes().isEmpty() || !report.unnamedWriters().contains(probe.id())
                        || unnamed.calls() > 0) {
                    problems.add("writes() is true, so a run that does not name it must leave it out without calling"
                            + " check(), got " + unnamed.calls() + " call(s), outcomes " + report.outcomes()
                            + " and unnamed writers " + report.unnamedWriters());
                }
                // Checked right after the run: a late connection could only be missed, never invented.
                if (targets.silentServerConnections() > 0) {
                    problems.add("the silent server saw " + targets.silentServerConnections() + " connection(s) while"
                            + " the probe was not named: it must not touch the target outside check()");
                }
                RecordingProbe named = new RecordingProbe(probe);
                ProbeOutcome namedOutcome = setup.kit(named, probe, target, targets).timeout(DEADLINE).allowWrites(true).run();
                if (named.calls() == 0) {
                    problems.add("named explicitly, it still did not run: " + Describe.line(namedOutcome));
                }
            }
            IdentityChecks.fail(prefixed(probe.id(), problems));
        }
    }

    private static List<String> prefixed(String id, List<String> problems) {
        return problems.stream().map(p -> id + ": " + p).toList();
    }
}
