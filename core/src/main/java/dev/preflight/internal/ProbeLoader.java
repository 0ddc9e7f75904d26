package dev.preflight.internal;

import dev.preflight.ProbeLoadFailure;
import dev.preflight.probe.Probe;
import dev.preflight.support.ProbeIds;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads probes with {@link ServiceLoader}, turning each provider that fails into a
 * {@link ProbeLoadFailure} instead of an exception (SLF4J's tolerant loading). A provider from
 * outside Preflight's packages whose id is in a {@linkplain ProbeIds#RESERVED_AREAS reserved area}
 * fails too: it would pass for one of Preflight's own probes in reports, waivers and selections.
 */
public final class ProbeLoader {
    private static final System.Logger LOG = System.getLogger(ProbeLoader.class.getName());
    private static final String SERVICES_FILE = "META-INF/services/" + Probe.class.getName();
    private static final Pattern PROVIDER_NAME = Pattern.compile("Provider (\\S+)");
    /** Stops a broken iterator that keeps failing on the same entry from looping forever. */
    private static final int MAX_CONSECUTIVE_FAILURES = 1000;

    private ProbeLoader() {
    }

    /** What discovery found. */
    public record Loaded(List<Probe> probes, List<ProbeLoadFailure> failures) {
    }

    /**
     * @param classLoader where to look
     * @return the probes and the failures
     */
    public static Loaded load(ClassLoader classLoader) {
        List<Probe> probes = new ArrayList<>();
        List<ProbeLoadFailure> failures = new ArrayList<>();
        Iterator<ServiceLoader.Provider<Probe>> it = ServiceLoader.load(Probe.class, classLoader).stream().iterator();
        int consecutiveFailures = 0;
        while (consecutiveFailures < MAX_CONSECUTIVE_FAILURES) {
            ServiceLoader.Provider<Probe> provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError e) {
                String name = providerName(e);
                failures.add(new ProbeLoadFailure(name, servicesFileNaming(classLoader, name), describe(e)));
                consecutiveFailures++;
                continue;
            }
            consecutiveFailures = 0;
            Class<? extends Probe> type = provider.type();
            try {
                Probe probe = provider.get();
                String id = probe.id();
                if (ProbeIds.trespasses(type, id)) {
                    failures.add(new ProbeLoadFailure(type.getName(), location(type), ProbeIds.trespassMessage(type, id)));
                    continue;
                }
                LOG.log(System.Logger.Level.DEBUG, () -> "found probe " + probe.id() + " (" + type.getName() + ") in " + location(type));
                probes.add(probe);
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                failures.add(new ProbeLoadFailure(type.getName(), location(type), describe(e)));
            }
        }
        return new Loaded(probes, failures);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = root == e ? String.valueOf(e.getMessage()) : root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return e instanceof ServiceConfigurationError && root != e ? "could not be instantiated: " + what : what;
    }

    private static String providerName(ServiceConfigurationError e) {
        Matcher m = PROVIDER_NAME.matcher(String.valueOf(e.getMessage()));
        return m.find() ? m.group(1) : "unknown provider";
    }

    static String location(Class<?> type) {
        CodeSource source = type.getProtectionDomain() == null ? null : type.getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "unknown" : source.getLocation().getPath();
    }

    /** The services file that names a provider which could not even be found. */
    private static String servicesFileNaming(ClassLoader classLoader, String provider) {
        try {
            Enumeration<URL> files = classLoader.getResources(SERVICES_FILE);
            while (files.hasMoreElements()) {
                URL url = files.nextElement();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                    if (r.lines().map(l -> l.replaceAll("#.*", "").strip()).anyMatch(provider::equals)) {
                        return url.getPath().replace("!/" + SERVICES_FILE, "").replace("/" + SERVICES_FILE, "");
                    }
                }
            }
        } catch (IOException e) {
            // Fall through: the location is a courtesy, the failure itself is still reported.
        }
        return "unknown";
    }
}
