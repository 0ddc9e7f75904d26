package dev.preflight.testkit.internal;

import static dev.preflight.testkit.internal.ContractSetup.DEADLINE;
import static dev.preflight.testkit.internal.ContractSetup.MARGIN;

import dev.preflight.Report;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.PreflightAssertions;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;

/** The contract's checks that no planted secret reaches a result or a report. */
public final class SecretChecks {

    private SecretChecks() {
    }

    /**
     * @param probe the probe
     * @param setup the subclass's hooks
     */
    public static void showsNoSecretInAnyReport(Probe probe, ContractSetup setup) {
        ContractSetup.assumeRunnable(probe);
        try (ContractTargets targets = ContractTargets.open()) {
            Target target = plantedTarget(probe, setup, targets);
            Report report = setup.kit(probe, probe, target).timeout(DEADLINE).allowWrites(probe.writes()).runReport();
            PreflightAssertions.assertThat(report).as("%s", probe.id())
                    .containsNoText(targets.plantedSecrets().toArray(String[]::new));
        }
    }

    /**
     * Calls the probe directly, without the runner's redaction of results, which catches only the
     * secrets the configuration declares: a probe must not depend on it.
     *
     * @param probe the probe
     * @param setup the subclass's hooks
     * @throws InterruptedException if the test is interrupted while waiting for the probe
     */
    public static void keepsSecretsOutOfItsResult(Probe probe, ContractSetup setup) throws InterruptedException {
        ContractSetup.assumeRunnable(probe);
        try (ContractTargets targets = ContractTargets.open()) {
            Target target = plantedTarget(probe, setup, targets);
            ProbeContext context = setup.kit(probe, probe, target).timeout(DEADLINE).allowWrites(probe.writes())
                    .context();
            Result result;
            try {
                result = DirectCall.start(probe, context).get(DEADLINE.plus(MARGIN).toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                Assumptions.abort("check() had not returned " + MARGIN.toSeconds() + " s after its deadline;"
                        + " 'stops at its deadline' judges that");
                return;
            } catch (ExecutionException e) {
                return; // The runner reports exceptions, redacted; 'always returns a result' judges them.
            }
            if (result == null) {
                return; // 'always returns a result' judges that.
            }
            List<String> found = Leaks.inResult(result, targets.plantedSecrets());
            if (!found.isEmpty()) {
                throw new AssertionError(ProbeLabel.of(probe) + " put planted secrets into its result, where only the"
                        + " runner's redactor stops them, and only those it knows of; never copy a secret into a result,"
                        + " and pass text that may hold one through context.redactor().redact(…):\n  "
                        + String.join("\n  ", found));
            }
        }
    }

    private static Target plantedTarget(Probe probe, ContractSetup setup, ContractTargets targets) {
        Target target = setup.target(probe, targets);
        if (!TargetScan.carriesAny(target, targets.plantedSecrets())) {
            throw new AssertionError("targetFor(...) planted none of targets.plantedSecrets() in the target for "
                    + ProbeLabel.of(probe) + "; put them into its URL, secret attributes or variables, so that this"
                    + " check can catch a leak");
        }
        return target;
    }
}
