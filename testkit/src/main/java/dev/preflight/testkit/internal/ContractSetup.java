package dev.preflight.testkit.internal;

import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Probe;
import dev.preflight.probe.Target;
import dev.preflight.support.ProbeIds;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeTestKit;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;

/**
 * The hooks of a contract subclass, and the deadlines the contract runs probes under. The margins
 * are generous because a slow, shared CI machine must not turn a well-behaved probe red.
 */
public final class ContractSetup {
    /**
     * The deadline of every contract run. Probes pointed at the silent server use all of it, so it is
     * short: a loopback target answers (or refuses) in far less.
     */
    public static final Duration DEADLINE = Duration.ofSeconds(1);
    /** How long past a deadline the contract waits before calling a probe stuck. */
    public static final Duration MARGIN = Duration.ofSeconds(3);

    private final BiFunction<Probe, ContractTargets, Target> targets;
    private final Function<Probe, Map<String, String>> settings;
    private final BiFunction<Probe, ContractTargets, NetworkSettings> networks;

    /**
     * @param targets the subclass's {@code targetFor}
     * @param settings the subclass's {@code settingsFor}
     * @param networks the subclass's {@code networkFor}
     */
    public ContractSetup(BiFunction<Probe, ContractTargets, Target> targets, Function<Probe, Map<String, String>> settings,
            BiFunction<Probe, ContractTargets, NetworkSettings> networks) {
        this.targets = targets;
        this.settings = settings;
        this.networks = networks;
    }

    /**
     * @param probe a probe of the subclass's list
     * @param contractTargets this check's targets
     * @return the subclass's target for it
     */
    public Target target(Probe probe, ContractTargets contractTargets) {
        Target target = targets.apply(probe, contractTargets);
        if (target == null) {
            throw new AssertionError("targetFor(...) returned null for " + probe.id());
        }
        return target;
    }

    /**
     * @param runAs what the runner runs: the probe or a wrapper of it
     * @param probe the probe of the subclass's list, handed to its hooks
     * @param target the target
     * @param contractTargets this check's targets, for the subclass's network settings
     * @return a kit with the target and the subclass's settings and network
     */
    public ProbeTestKit kit(Probe runAs, Probe probe, Target target, ContractTargets contractTargets) {
        ProbeTestKit kit = ProbeTestKit.forProbe(runAs).target(target).network(networks.apply(probe, contractTargets));
        settings.apply(probe).forEach(kit::setting);
        return kit;
    }

    /**
     * Skips a check that needs the runner when the probe's id or kind would stop it before it starts:
     * the identity check reports that once, instead of every check failing with it.
     *
     * @param probe a probe
     */
    public static void assumeRunnable(Probe probe) {
        Assumptions.assumeTrue(ProbeIds.isWellFormed(probe.id()) && probe.targetKind() != null,
                () -> "the runner refuses " + ProbeLabel.of(probe) + " (malformed id or no target kind);"
                        + " 'has a well-formed id, a title and a target kind' says why");
        Assumptions.assumeFalse(ProbeIds.trespasses(probe.getClass(), probe.id()),
                () -> "the runner refuses " + ProbeLabel.of(probe) + " (an id in a reserved area);"
                        + " 'stays out of the id areas Preflight reserves' says why");
    }
}
