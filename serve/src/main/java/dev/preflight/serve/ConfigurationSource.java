package dev.preflight.serve;

import dev.preflight.ConfigException;
import dev.preflight.ProbeCatalog;
import dev.preflight.config.ConfigLoader;
import dev.preflight.config.PreflightConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the exporter's configuration comes from: read when the exporter starts and again at each
 * reload, so that a new or changed target is served without a restart.
 *
 * <pre>{@code
 * ConfigurationSource source = ConfigurationSource.files(Path.of("preflight.yml"), null, System.getenv());
 * }</pre>
 *
 * @since 0.3
 */
@FunctionalInterface
public interface ConfigurationSource {

    /**
     * @param catalog the probes on the class path, to check probe ids in the configuration against
     * @return the configuration
     * @throws ConfigException if it is invalid; a reload then keeps the configuration in force
     */
    PreflightConfig load(ProbeCatalog catalog);

    /**
     * A {@code preflight.yml} and/or an env file, read as {@code preflight check} reads them.
     *
     * @param yaml the YAML file, or null
     * @param envFile the env file, or null
     * @param environment the variables {@code ${VAR}} reads, e.g. {@code System.getenv()}
     * @return the source
     */
    static ConfigurationSource files(Path yaml, Path envFile, Map<String, String> environment) {
        if (yaml == null && envFile == null) {
            throw new IllegalArgumentException("give a YAML file, an env file, or both");
        }
        Map<String, String> variables = Map.copyOf(environment);
        return catalog -> ConfigLoader.builder().environment(variables).knownProbeIds(catalog.ids())
                .classLoader(ConfigurationSource.class.getClassLoader()).build().load(yaml, envFile);
    }
}
