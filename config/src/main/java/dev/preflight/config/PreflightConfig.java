package dev.preflight.config;

import dev.preflight.Preflight;
import dev.preflight.Waiver;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Target;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a {@code preflight.yml} and an environment file configure, loaded and validated by
 * {@link ConfigLoader}: targets, waivers, network settings, run defaults and every secret value met.
 *
 * <p>Immutable and thread-safe. Options the files leave unset are empty here, so that
 * {@link #applyTo(Preflight.Builder)} keeps the builder's own defaults for them.
 *
 * <pre>{@code
 * PreflightConfig config = ConfigLoader.builder().build().load(Path.of("preflight.yml"), null);
 * Report report = config.applyTo(Preflight.builder()).build().run();
 * }</pre>
 *
 * @since 0.1
 */
public final class PreflightConfig {
    private final List<Target> targets;
    private final List<Waiver> waivers;
    private final NetworkSettings network;
    private final Duration timeout;
    private final Duration overallTimeout;
    private final Integer parallelism;
    private final List<String> include;
    private final List<String> exclude;
    private final Set<String> secrets;

    // Package-private: only the loader creates configurations, so the shape can grow without breaking callers.
    PreflightConfig(List<Target> targets, List<Waiver> waivers, NetworkSettings network, Duration timeout,
            Duration overallTimeout, Integer parallelism, List<String> include, List<String> exclude,
            Set<String> secrets) {
        this.targets = List.copyOf(targets);
        this.waivers = List.copyOf(waivers);
        this.network = Objects.requireNonNull(network, "'network' must not be null");
        this.timeout = timeout;
        this.overallTimeout = overallTimeout;
        this.parallelism = parallelism;
        this.include = List.copyOf(include);
        this.exclude = List.copyOf(exclude);
        this.secrets = Collections.unmodifiableSet(new LinkedHashSet<>(secrets));
    }

    /** @return the targets: the YAML file's in file order, then those derived from the environment file */
    public List<Target> targets() {
        return targets;
    }

    /** @return the waivers, in file order */
    public List<Waiver> waivers() {
        return waivers;
    }

    /** @return host overrides, DNS server and extra CAs; {@link NetworkSettings#system()} when unset */
    public NetworkSettings network() {
        return network;
    }

    /** @return the per-probe deadline from {@code defaults.timeout}, if set */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** @return the whole run's deadline from {@code defaults.overall-timeout}, if set */
    public Optional<Duration> overallTimeout() {
        return Optional.ofNullable(overallTimeout);
    }

    /** @return the most probes running at once from {@code defaults.parallelism}, if set */
    public OptionalInt parallelism() {
        return parallelism == null ? OptionalInt.empty() : OptionalInt.of(parallelism);
    }

    /** @return probe id globs the run is limited to; empty means every probe that applies */
    public List<String> include() {
        return include;
    }

    /** @return probe id globs never run */
    public List<String> exclude() {
        return exclude;
    }

    /**
     * Every secret value met while loading: values under secret-looking keys and variable names, and
     * URL passwords. Hand them to the redactor; never print them.
     *
     * @return the values, unmodifiable
     */
    public Set<String> secrets() {
        return secrets;
    }

    /**
     * Copies this configuration into a builder: targets, waivers, network, the timeouts and
     * parallelism that are set, the include and exclude globs, and the secrets.
     *
     * @param builder the builder to configure
     * @return the same builder
     */
    public Preflight.Builder applyTo(Preflight.Builder builder) {
        builder.targets(targets);
        waivers.forEach(builder::waiver);
        builder.network(network);
        timeout().ifPresent(builder::timeout);
        overallTimeout().ifPresent(builder::overallTimeout);
        parallelism().ifPresent(builder::parallelism);
        builder.probes(include.toArray(String[]::new));
        builder.exclude(exclude.toArray(String[]::new));
        return builder.secrets(secrets);
    }

    @Override
    public String toString() {
        return "PreflightConfig[" + targets.size() + " targets, " + waivers.size() + " waivers]";
    }
}
