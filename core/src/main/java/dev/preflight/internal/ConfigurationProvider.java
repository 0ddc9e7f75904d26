package dev.preflight.internal;

import dev.preflight.Preflight;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/**
 * Reads configuration files for {@link Preflight.Builder#config(Path)} and
 * {@link Preflight.Builder#envFile(Path)}. Core cannot parse YAML without a dependency, so
 * {@code preflight-config} provides this through {@link java.util.ServiceLoader}.
 */
public interface ConfigurationProvider {

    /**
     * Applies what the files say to a builder.
     *
     * @param builder receives targets, waivers, defaults and network settings
     * @param configFile a {@code preflight.yml}, or null
     * @param envFile a dotenv file, or null
     * @param environment what {@code ${VAR}} reads
     * @param knownProbeIds the ids that selections, settings and waivers may name
     * @param classLoader where discovery looks, for the readers of module-owned target blocks
     * @throws dev.preflight.ConfigException for a bad file
     */
    void apply(Preflight.Builder builder, Path configFile, Path envFile, Map<String, String> environment,
            Collection<String> knownProbeIds, ClassLoader classLoader);
}
