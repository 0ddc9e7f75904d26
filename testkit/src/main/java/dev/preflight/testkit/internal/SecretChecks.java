package dev.preflight.testkit.internal;

import static dev.preflight.testkit.internal.ContractSetup.DEADLINE;

import dev.preflight.Report;
import dev.preflight.probe.Probe;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.PreflightAssertions;

/** The contract's check that no planted secret reaches a report: the runner redacts every result. */
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
            Report report = setup.kit(probe, probe, target, targets).timeout(DEADLINE).allowWrites(probe.writes()).runReport();
            PreflightAssertions.assertThat(report).as("%s", probe.id())
                    .containsNoText(targets.plantedSecrets().toArray(String[]::new));
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
