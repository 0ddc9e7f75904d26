package dev.preflight;

import dev.preflight.internal.ProbeLoader;
import dev.preflight.probe.Probe;
import dev.preflight.support.ProbeIds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The probes available to a run, sorted by id, with the providers that failed to load.
 *
 * <p>Creating a catalog validates ids: a malformed or duplicate id, or a probe from outside
 * {@code dev.preflight} in a {@linkplain ProbeIds#RESERVED_AREAS reserved area}, is a
 * {@link ConfigException}, thrown before anything runs. Discovery turns such a provider into a
 * {@link ProbeLoadFailure} first, so this catches probes passed in code. Immutable.
 *
 * <pre>{@code
 * ProbeCatalog catalog = ProbeCatalog.discover(getClass().getClassLoader());
 * catalog.probes().forEach(p -> System.out.println(p.id() + "  " + p.title()));
 * }</pre>
 *
 * @since 0.1
 */
public final class ProbeCatalog {
    private final List<Probe> probes;
    private final List<ProbeLoadFailure> failures;

    private ProbeCatalog(List<Probe> probes, List<ProbeLoadFailure> failures) {
        List<Probe> sorted = new ArrayList<>(probes);
        sorted.sort(Comparator.comparing(Probe::id));
        Set<String> seen = new HashSet<>();
        for (Probe p : sorted) {
            String id = p.id();
            if (!ProbeIds.isWellFormed(id)) {
                throw new ConfigException("probe " + p.getClass().getName() + " has a malformed id '" + id
                        + "': ids are lower-case and dotted, like http.hsts");
            }
            if (!seen.add(id)) {
                throw new ConfigException("two probes have the id '" + id + "': "
                        + sorted.stream().filter(o -> o.id().equals(id)).map(o -> o.getClass().getName()).toList());
            }
            if (ProbeIds.trespasses(p.getClass(), id)) {
                throw new ConfigException("probe " + ProbeIds.trespassMessage(p.getClass(), id));
            }
            if (p.targetKind() == null) {
                throw new ConfigException("probe " + id + " declares no target kind");
            }
        }
        this.probes = List.copyOf(sorted);
        this.failures = List.copyOf(failures);
    }

    /**
     * Finds every probe registered in {@code META-INF/services/dev.preflight.probe.Probe} on the class
     * loader's path. A provider that fails to load becomes a {@link ProbeLoadFailure}.
     *
     * @param classLoader where to look
     * @return the catalog
     * @throws ConfigException for a malformed or duplicate id
     */
    public static ProbeCatalog discover(ClassLoader classLoader) {
        ProbeLoader.Loaded loaded = ProbeLoader.load(classLoader);
        return new ProbeCatalog(loaded.probes(), loaded.failures());
    }

    /**
     * A catalog of exactly these probes, without discovery.
     *
     * @param probes the probes
     * @return the catalog
     * @throws ConfigException for a malformed or duplicate id, or a reserved area taken from outside Preflight
     */
    public static ProbeCatalog of(List<? extends Probe> probes) {
        return new ProbeCatalog(List.copyOf(probes), List.of());
    }

    /**
     * This catalog plus more probes.
     *
     * @param more further probes
     * @return a new catalog
     * @throws ConfigException if an id is now duplicated, or for a malformed id or a reserved area taken from outside Preflight
     */
    public ProbeCatalog plus(List<? extends Probe> more) {
        List<Probe> all = new ArrayList<>(probes);
        all.addAll(more);
        return new ProbeCatalog(all, failures);
    }

    /** @return the probes, sorted by id */
    public List<Probe> probes() {
        return probes;
    }

    /** @return the ids, sorted */
    public List<String> ids() {
        return probes.stream().map(Probe::id).toList();
    }

    /** @return providers that failed to load */
    public List<ProbeLoadFailure> failures() {
        return failures;
    }
}
