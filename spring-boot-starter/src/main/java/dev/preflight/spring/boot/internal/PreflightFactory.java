package dev.preflight.spring.boot.internal;

import dev.preflight.ConfigException;
import dev.preflight.Preflight;
import dev.preflight.ProbeCatalog;
import dev.preflight.probe.Probe;
import dev.preflight.probe.Target;
import dev.preflight.spring.boot.PreflightProperties;
import dev.preflight.support.ProbeIds;
import dev.preflight.support.Stage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;

/**
 * Builds the application's one {@link Preflight} from {@code preflight.*}: the file named by
 * {@code preflight.config}, then the targets and selections set as properties. Probes that write are
 * always excluded: health and the start-up gate run unattended, and a writer runs only when named.
 */
public final class PreflightFactory {
    private PreflightFactory() {
    }

    /**
     * @param properties the bound properties
     * @param environment Spring's environment, for the active profiles
     * @param classLoader where probes are discovered
     * @return the configured instance
     * @throws ConfigException for a bad file, a glob matching no probe, or a target URL that does not parse
     */
    public static Preflight create(PreflightProperties properties, Environment environment, ClassLoader classLoader) {
        ProbeCatalog catalog = ProbeCatalog.discover(classLoader);
        Preflight.Builder builder = Preflight.builder().classLoader(classLoader).catalog(catalog);
        if (properties.getConfig() != null) {
            builder.config(fileOf(properties.getConfig()));
        }
        String stage = stageOf(properties, environment);
        properties.getTargets().forEach((name, t) -> builder.target(target(name, t.getUrl(), stage)));
        builder.probes(known(properties.getProbes(), "preflight.probes", catalog));
        builder.exclude(known(properties.getExclude(), "preflight.exclude", catalog));
        builder.exclude(catalog.probes().stream().filter(Probe::writes).map(Probe::id).toArray(String[]::new));
        if (properties.getTimeout() != null) {
            builder.timeout(properties.getTimeout());
        }
        return builder.build();
    }

    /** The explicit setting, else production for a prod/production profile, else none (read as production too). */
    static String stageOf(PreflightProperties properties, Environment environment) {
        if (properties.getEnvironment() != null && !properties.getEnvironment().isBlank()) {
            return properties.getEnvironment();
        }
        for (String profile : environment.getActiveProfiles()) {
            if (Stage.PRODUCTION.isNamedBy(profile)) {
                return Stage.PRODUCTION.name();
            }
        }
        return null;
    }

    // Core checks these too, but names its CLI option; a Spring user looks for the property.
    private static String[] known(List<String> globs, String key, ProbeCatalog catalog) {
        for (String glob : globs) {
            if (!ProbeIds.matchesAny(glob, catalog.ids())) {
                throw new ConfigException(null, 0, key, "no probe matches '" + glob + "'"
                        + ProbeIds.closest(glob, catalog.ids()).map(s -> "; did you mean '" + s + "'?").orElse(""));
            }
        }
        return globs.toArray(String[]::new);
    }

    private static Target target(String name, String url, String stage) {
        String key = "preflight.targets." + name + ".url";
        if (url == null || url.isBlank()) {
            throw new ConfigException(null, 0, key, "set the target's URL");
        }
        Target parsed;
        try {
            parsed = Target.forUrl(url);
        } catch (IllegalArgumentException e) {
            // forUrl's messages carry the URL redacted, never its password
            throw new ConfigException(null, 0, key, e.getMessage());
        }
        Target.Builder b = Target.builder(name, parsed.kind()).uri(parsed.uri().orElseThrow());
        if (stage != null) {
            b.attribute(Stage.ATTRIBUTE, stage);
        }
        return b.build();
    }

    // ConfigLoader reads paths, and relative paths inside the file (ca-file:, env-file:) resolve
    // against its folder, which a resource packed in a jar does not have.
    private static Path fileOf(Resource resource) {
        String where = "preflight.config";
        if (!resource.exists()) {
            throw new ConfigException(null, 0, where, "no such file: " + resource.getDescription());
        }
        if (!resource.isFile()) {
            throw new ConfigException(null, 0, where, resource.getDescription()
                    + " is not a file on disk; give a file: location (a preflight.yml packed in a jar has no folder for its relative paths)");
        }
        try {
            return resource.getFile().toPath();
        } catch (IOException e) {
            throw new ConfigException(null, 0, where, "cannot open " + resource.getDescription() + " as a file");
        }
    }
}
