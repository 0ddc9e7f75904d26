package dev.preflight.junit.internal;

import dev.preflight.ConfigException;
import dev.preflight.Preflight;
import dev.preflight.ProbeCatalog;
import dev.preflight.config.ConfigLoader;
import dev.preflight.junit.PreflightCheck;
import dev.preflight.support.Durations;
import dev.preflight.support.ProbeIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Builds the {@link Preflight} a {@link PreflightCheck} describes: its files loaded with
 * {@link ConfigLoader}, then its own globs and timeout on top.
 *
 * <pre>{@code
 * Report report = AnnotatedPreflight.from(check, testClass.getClassLoader()).run();
 * }</pre>
 *
 * @since 0.1
 */
public final class AnnotatedPreflight {
    private static final Path DEFAULT_CONFIG = Path.of("preflight.yml");

    private AnnotatedPreflight() {
    }

    /**
     * @param check the annotation
     * @param classLoader where to discover probes
     * @return the configured instance
     * @throws ConfigException naming the file, line and key, or the annotation attribute, at fault
     */
    public static Preflight from(PreflightCheck check, ClassLoader classLoader) {
        ProbeCatalog catalog = ProbeCatalog.discover(classLoader);
        Path yaml = existing(check.config(), "config");
        Path env = existing(check.env(), "env");
        if (yaml == null && env == null) {
            if (!Files.isRegularFile(DEFAULT_CONFIG)) {
                throw new ConfigException(null, 0, "@PreflightCheck", "nothing to check: set config or env, or create "
                        + DEFAULT_CONFIG + " in the working directory " + workingDirectory());
            }
            yaml = DEFAULT_CONFIG;
        }
        Preflight.Builder builder = ConfigLoader.builder().knownProbeIds(catalog.ids()).classLoader(classLoader).build()
                .load(yaml, env)
                .applyTo(Preflight.builder().catalog(catalog));
        builder.probes(known(check.probes(), "probes", catalog)).exclude(known(check.exclude(), "exclude", catalog));
        if (!check.timeout().isBlank()) {
            builder.timeout(timeout(check.timeout()));
        }
        return builder.build();
    }

    private static Path existing(String file, String attribute) {
        if (file.isBlank()) {
            return null;
        }
        Path path = Path.of(file);
        // The loader says the same, but not relative to what: a test's working directory surprises people.
        if (!Files.exists(path)) {
            throw new ConfigException(file, 0, "@PreflightCheck." + attribute, "the file does not exist; paths are"
                    + " relative to the working directory " + workingDirectory());
        }
        return path;
    }

    /** Checked here rather than by the builder, whose message speaks of --probe. */
    private static String[] known(String[] globs, String attribute, ProbeCatalog catalog) {
        for (String glob : globs) {
            if (!ProbeIds.matchesAny(glob, catalog.ids())) {
                throw new ConfigException(null, 0, "@PreflightCheck." + attribute, "no probe matches '" + glob + "'"
                        + ProbeIds.closest(glob, catalog.ids()).map(s -> "; did you mean '" + s + "'?").orElse("")
                        + " (is its probe module on the test class path?)");
            }
        }
        return globs;
    }

    private static Duration timeout(String text) {
        try {
            Duration timeout = Durations.parse(text);
            if (!timeout.isZero()) {
                return timeout;
            }
        } catch (IllegalArgumentException e) {
            // reported below, with the attribute
        }
        throw new ConfigException(null, 0, "@PreflightCheck.timeout", "'" + text
                + "' is not a positive duration (use 500ms, 10s, 2m)");
    }

    private static Path workingDirectory() {
        return Path.of("").toAbsolutePath();
    }
}
