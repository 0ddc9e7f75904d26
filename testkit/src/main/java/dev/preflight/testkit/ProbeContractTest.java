package dev.preflight.testkit;

import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Probe;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.internal.BehaviourChecks;
import dev.preflight.testkit.internal.ContractSetup;
import dev.preflight.testkit.internal.IdentityChecks;
import dev.preflight.testkit.internal.ProbeLabel;
import dev.preflight.testkit.internal.RegistrationChecks;
import dev.preflight.testkit.internal.SecretChecks;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * The contract every probe keeps, as a JUnit 5 test class to extend: one class per probe module,
 * and each contract shows up with one test per probe.
 *
 * <pre>{@code
 * class AcmeProbesContractTest extends ProbeContractTest {
 *     protected List<Probe> probes() {
 *         return List.of(new RobotsTxtProbe(), new SitemapProbe());
 *     }
 *     protected Target targetFor(Probe probe, ContractTargets targets) {
 *         return Target.web("https://deploy:" + targets.plantedPassword() + "@" + targets.silentServer());
 *     }
 * }
 * }</pre>
 *
 * <p>The contract: ids are well formed, unique and outside Preflight's reserved areas; every probe
 * is registered for {@link java.util.ServiceLoader}, and every registered probe of the same packages
 * is under contract; {@code check} returns a result rather than null or an exception; a probe that
 * uses the network gives up at its deadline when the server never answers, and its thread is free
 * again soon after; no planted secret appears in any report format (the runner redacts every result,
 * so a probe need not redact what it returns); a writing probe runs only when named.
 *
 * <p>{@link #targetFor} builds the target each check runs against, from a fresh {@link ContractTargets}:
 * point network probes at {@link ContractTargets#silentServer()} (through the target's URL or one of
 * its settings), and plant {@link ContractTargets#plantedSecrets()} wherever the target holds secrets.
 * Targets must stay on the loopback interface: writing probes are run against them, named. Every run
 * has a deadline of 1 s, so a network probe pointed at the silent server costs about 5 s in all.
 *
 * @since 0.1
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class ProbeContractTest {
    private final ContractSetup setup = new ContractSetup(this::targetFor, this::settingsFor, this::networkFor);

    /**
     * @return instances of the probes under contract, typically every probe the module registers
     */
    protected abstract List<Probe> probes();

    /**
     * @param probe one of {@link #probes()}
     * @param targets the silent server, an unreachable address and the secrets to plant
     * @return a target of the probe's kind, carrying planted secrets, on the loopback interface
     */
    protected abstract Target targetFor(Probe probe, ContractTargets targets);

    /**
     * @param probe one of {@link #probes()}
     * @return settings the probe needs to get past SKIP, keyed relative to its id ({@code warn-days});
     *     none by default
     */
    protected Map<String, String> settingsFor(Probe probe) {
        return Map.of();
    }

    /**
     * The network the probe runs with: for a DNS probe, {@code --dns-server} at
     * {@link ContractTargets#silentServer()}, which never answers over UDP or TCP.
     *
     * @param probe one of {@link #probes()}
     * @param targets the contract's targets
     * @return the network settings; the system's by default
     * @since 0.2
     */
    protected NetworkSettings networkFor(Probe probe, ContractTargets targets) {
        return NetworkSettings.system();
    }

    /**
     * @param probe one of {@link #probes()}
     * @return whether the deadline check applies; by default every probe but those of {@link TargetKind#ENV}
     */
    protected boolean usesNetwork(Probe probe) {
        return !TargetKind.ENV.equals(probe.targetKind());
    }

    @Order(1)
    @Test
    @DisplayName("lists at least one probe and no id twice")
    void listsProbesWithDistinctIds() {
        IdentityChecks.distinctIds(probes());
    }

    @Order(2)
    @TestFactory
    @DisplayName("has a well-formed id, a title and a target kind")
    Stream<DynamicTest> describesItself() {
        return eachProbe(IdentityChecks::describesItself);
    }

    @Order(3)
    @TestFactory
    @DisplayName("stays out of the id areas Preflight reserves")
    Stream<DynamicTest> staysOutOfReservedAreas() {
        return eachProbe(IdentityChecks::staysOutOfReservedAreas);
    }

    @Order(4)
    @TestFactory
    @DisplayName("is registered for ServiceLoader")
    Stream<DynamicTest> isRegistered() {
        return eachProbe(RegistrationChecks::isRegistered);
    }

    @Order(5)
    @Test
    @DisplayName("covers every probe its packages register")
    void coversEveryRegisteredProbe() {
        RegistrationChecks.coversEveryRegisteredProbe(probes());
    }

    @Order(6)
    @TestFactory
    @DisplayName("returns a result: never null, never an exception")
    Stream<DynamicTest> alwaysReturnsAResult() {
        return eachProbe(p -> BehaviourChecks.alwaysReturnsAResult(p, setup));
    }

    @Order(7)
    @TestFactory
    @DisplayName("stops at its deadline when the server never answers")
    Stream<DynamicTest> stopsAtItsDeadline() {
        return eachProbe(this::usesNetwork, p -> BehaviourChecks.stopsAtItsDeadline(p, setup));
    }

    @Order(8)
    @TestFactory
    @DisplayName("shows no planted secret in any report format")
    Stream<DynamicTest> showsNoSecretInAnyReport() {
        return eachProbe(p -> SecretChecks.showsNoSecretInAnyReport(p, setup));
    }

    @Order(9)
    @TestFactory
    @DisplayName("runs only when named if it writes")
    Stream<DynamicTest> honoursTheWritesFlag() {
        return eachProbe(p -> BehaviourChecks.honoursTheWritesFlag(p, setup));
    }

    private Stream<DynamicTest> eachProbe(ThrowingConsumer<Probe> check) {
        return eachProbe(p -> true, check);
    }

    private Stream<DynamicTest> eachProbe(Predicate<Probe> applies, ThrowingConsumer<Probe> check) {
        return probes().stream().filter(applies).map(p -> DynamicTest.dynamicTest(ProbeLabel.of(p), () -> check.accept(p)));
    }
}
