package dev.preflight.config.internal;

import dev.preflight.Preflight;
import dev.preflight.config.ConfigLoader;
import dev.preflight.internal.ConfigurationProvider;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/** Lets {@code Preflight.builder().config(path)} and {@code .envFile(path)} read files through this module. */
public final class FileConfigurationProvider implements ConfigurationProvider {
    @Override
    public void apply(Preflight.Builder builder, Path configFile, Path envFile, Map<String, String> environment,
            Collection<String> knownProbeIds, ClassLoader classLoader) {
        ConfigLoader.Builder loader = ConfigLoader.builder().environment(environment).knownProbeIds(knownProbeIds);
        if (classLoader != null) {
            loader.classLoader(classLoader);
        }
        loader.build().load(configFile, envFile).applyTo(builder);
    }
}
