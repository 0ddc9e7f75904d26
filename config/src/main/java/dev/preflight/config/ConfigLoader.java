package dev.preflight.config;

import dev.preflight.ConfigException;
import dev.preflight.config.internal.ConfigParts;
import dev.preflight.config.internal.ConfigReader;
import dev.preflight.config.internal.KnownProbes;
import dev.preflight.config.internal.SecretCollector;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads a {@code preflight.yml}, an environment file, or both, into a {@link PreflightConfig}. The
 * formats are described in the module's README.
 *
 * <pre>{@code
 * PreflightConfig config = ConfigLoader.builder().knownProbeIds(catalog.ids()).build()
 *         .load(Path.of("preflight.yml"), null);
 * Report report = config.applyTo(Preflight.builder().catalog(catalog)).build().run();
 * }</pre>
 *
 * <p>Targets of the kinds a module owns ({@code stripe:}, {@code razorpay:}) are read by that module's
 * {@link dev.preflight.targets.TargetBlockReader}, found on the {@linkplain Builder#classLoader class
 * path}; a target may also name any other kind with {@code kind:}.
 *
 * <p>Every problem is a {@link ConfigException} naming the file as given, the 1-based line and the
 * dotted key ({@code targets.shop.timeout}), with a message that says how to fix it and never holds
 * a secret value. Immutable and thread-safe; each load reads the files afresh.
 *
 * @since 0.1
 */
public final class ConfigLoader {
    private final Map<String, String> environment;
    private final List<String> knownProbeIds;
    private final ClassLoader classLoader;

    private ConfigLoader(Builder b) {
        this.environment = Map.copyOf(b.environment);
        this.knownProbeIds = List.copyOf(b.knownProbeIds);
        this.classLoader = b.classLoader != null ? b.classLoader : defaultClassLoader();
    }

    private static ClassLoader defaultClassLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ConfigLoader.class.getClassLoader();
    }

    /** @return a builder using {@link System#getenv()} and no probe id validation */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads either file or both. With both, the environment file's variables are visible to
     * {@code ${VAR}} after the real environment's, its derived targets follow the YAML file's, and it
     * replaces the YAML file's {@code env-file:}. Derived targets that repeat a YAML target's name,
     * URL, domain or account are left out.
     *
     * @param yamlOrNull a {@code preflight.yml}, or null
     * @param envFileOrNull a dotenv file, or null
     * @return the configuration
     * @throws ConfigException for any problem in the files
     * @throws IllegalArgumentException if both are null
     */
    public PreflightConfig load(Path yamlOrNull, Path envFileOrNull) {
        if (yamlOrNull == null && envFileOrNull == null) {
            throw new IllegalArgumentException("give a YAML file, an environment file or both");
        }
        SecretCollector secrets = new SecretCollector();
        try {
            ConfigParts parts = new ConfigReader(environment, new KnownProbes(knownProbeIds), secrets, classLoader)
                    .read(yamlOrNull, envFileOrNull);
            return new PreflightConfig(parts.targets(), parts.waivers(), parts.network(), parts.defaults().timeout(),
                    parts.defaults().overallTimeout(), parts.defaults().parallelism(), parts.defaults().include(),
                    parts.defaults().exclude(), secrets.values());
        } catch (ConfigException e) {
            throw secrets.scrub(e, environment);
        }
    }

    /**
     * @param yaml a {@code preflight.yml}
     * @return the configuration, including the targets of its {@code env-file:} if it names one
     * @throws ConfigException for any problem in the files
     */
    public PreflightConfig loadYaml(Path yaml) {
        return load(Objects.requireNonNull(yaml, "'yaml' must not be null"), null);
    }

    /**
     * @param envFile a dotenv file
     * @return its ENV target and the targets derived from its variables
     * @throws ConfigException for any problem in the file
     */
    public PreflightConfig loadEnvFile(Path envFile) {
        return load(null, Objects.requireNonNull(envFile, "'envFile' must not be null"));
    }

    /**
     * Configures a {@link ConfigLoader}. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private Map<String, String> environment = System.getenv();
        private List<String> knownProbeIds = List.of();
        private ClassLoader classLoader;

        private Builder() {
        }

        /**
         * @param classLoader where the {@link dev.preflight.targets.TargetBlockReader}s that read the
         *     blocks of module-owned kinds ({@code stripe:}, …) are looked for; defaults to the
         *     thread's context class loader
         * @return this builder
         */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "'classLoader' must not be null");
            return this;
        }

        /**
         * @param environment the variables {@code ${VAR}} reads first; default {@link System#getenv()}
         * @return this builder
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Objects.requireNonNull(environment, "'environment' must not be null");
            return this;
        }

        /**
         * @param ids the probe ids available, to validate globs, setting keys and waivers against
         *     with did-you-mean suggestions; empty (the default) skips that validation
         * @return this builder
         */
        public Builder knownProbeIds(Collection<String> ids) {
            this.knownProbeIds = List.copyOf(ids);
            return this;
        }

        /** @return the loader */
        public ConfigLoader build() {
            return new ConfigLoader(this);
        }
    }
}
