package dev.preflight.dns;

import dev.preflight.probe.Probe;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * The DNS probes as users get them: every {@code dns.*} probe registered for {@link ServiceLoader},
 * so that a probe added to the services file is covered by the edge-case tests without editing them.
 */
final class RegisteredDnsProbes {
    /**
     * Registered probes whose verdict does not come from the domain's DNS zone, so a failing or silent
     * DNS server says nothing about them: {@code dns.registration} asks RDAP over HTTPS.
     */
    private static final Set<String> NOT_FROM_THE_ZONE = Set.of("dns.registration");

    private RegisteredDnsProbes() {
    }

    /** @return a fresh instance of every registered {@code dns.*} probe that reads the domain's zone */
    static List<Probe> askingTheZone() {
        List<Probe> probes = ServiceLoader.load(Probe.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().startsWith("dns.") && !NOT_FROM_THE_ZONE.contains(p.id())).toList();
        if (probes.isEmpty()) {
            throw new IllegalStateException("no dns.* probe is registered for ServiceLoader");
        }
        return probes;
    }

    /** @return {@link #askingTheZone()}, each named by its id, for a parameterised test */
    static Stream<Named<Probe>> named() {
        return askingTheZone().stream().map(p -> Named.of(p.id(), p));
    }
}
