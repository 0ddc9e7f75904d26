package dev.preflight.testkit.internal;

import dev.preflight.probe.Probe;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The contract's checks that users will find the probes: each is registered for ServiceLoader. */
public final class RegistrationChecks {
    private static final String SERVICES_FILE = "META-INF/services/" + Probe.class.getName();

    private RegistrationChecks() {
    }

    /** @param probe a probe whose class a services file on the class path must list */
    public static void isRegistered(Probe probe) {
        String name = probe.getClass().getName();
        if (!registeredClassNames().contains(name)) {
            throw new AssertionError(name + " (" + ProbeLabel.of(probe) + ") is not listed in any " + SERVICES_FILE
                    + " on the class path, so discovery will not find it; add the line '" + name
                    + "' to src/main/resources/" + SERVICES_FILE);
        }
    }

    /**
     * @param probes the probes under contract; every registered probe class in their packages must be
     *     among them, so that a newly added probe cannot escape the contract
     */
    public static void coversEveryRegisteredProbe(List<? extends Probe> probes) {
        Set<String> packages = probes.stream().map(p -> p.getClass().getPackageName()).collect(Collectors.toSet());
        Set<String> covered = probes.stream().map(p -> p.getClass().getName()).collect(Collectors.toSet());
        Set<String> missing = registeredClassNames().stream()
                .filter(n -> packages.contains(n.substring(0, Math.max(0, n.lastIndexOf('.')))))
                .filter(n -> !covered.contains(n))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!missing.isEmpty()) {
            throw new AssertionError(SERVICES_FILE + " registers " + missing + ", which probes() leaves out;"
                    + " add them to probes() so that the contract covers them");
        }
    }

    private static Set<String> registeredClassNames() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        // Provider types only: instantiating would run constructors of probes not under test.
        return ServiceLoader.load(Probe.class, loader != null ? loader : Probe.class.getClassLoader()).stream()
                .map(provider -> provider.type().getName()).collect(Collectors.toSet());
    }
}
