package dev.preflight;

import dev.preflight.internal.ConfigurationProvider;
import dev.preflight.internal.ProbeRunner;
import dev.preflight.internal.RunPlan;
import dev.preflight.internal.SecretCollector;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Probe;
import dev.preflight.probe.Target;
import dev.preflight.support.ProbeIds;
import dev.preflight.support.Redactor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Configures and runs probes against targets.
 *
 * <pre>{@code
 * Report report = Preflight.builder()
 *         .target(Target.web("https://shop.example.com"))
 *         .probes("tls.*", "http.hsts")
 *         .timeout(Duration.ofSeconds(5))
 *         .build()
 *         .run();
 * if (!report.isSuccessful(false)) { ... }
 * }</pre>
 *
 * <p>An instance is immutable and thread-safe: {@link #run()} may be called many times, also
 * concurrently. The library prints nothing; it logs through {@link System.Logger} at DEBUG only.
 *
 * @since 0.1
 */
public final class Preflight {
    /** The default deadline of each probe. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The default deadline of a whole run. */
    public static final Duration DEFAULT_OVERALL_TIMEOUT = Duration.ofMinutes(5);
    /**
     * The most probes the default lets run at once, reached on 8 cores or more: see
     * {@link #defaultParallelism()}.
     */
    public static final int DEFAULT_PARALLELISM = 128;
    /** Probes at once per core by default: enough to keep a core busy with TLS on nearby sites. */
    private static final int PARALLELISM_PER_CORE = 16;

    private final ProbeCatalog catalog;
    private final List<Target> targets;
    private final List<String> include;
    private final List<String> exclude;
    private final Duration timeout;
    private final Duration overallTimeout;
    private final int parallelism;
    private final Clock clock;
    private final NetworkSettings network;
    private final List<Waiver> waivers;
    private final Redactor redactor;
    private final Consumer<ProbeOutcome> listener;

    /**
     * The number of probes running at once when none is set: 16 per core, at least 16 and at most
     * {@link #DEFAULT_PARALLELISM}. A probe's own work is mostly TLS, about 6 ms of CPU per site: on 2
     * cores 32 probes at once keep both busy on nearby sites, and 128 only add threads and buffers
     * (1000 sites: the same speed, 150 MB peak RSS instead of 120). For many distant sites (100 ms
     * away or more) on a small machine, set more.
     *
     * @return the default parallelism on this machine
     * @since 0.3
     */
    public static int defaultParallelism() {
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(PARALLELISM_PER_CORE, Math.min(DEFAULT_PARALLELISM, PARALLELISM_PER_CORE * cores));
    }

    private Preflight(Builder b, ProbeCatalog catalog) {
        this.catalog = catalog;
        this.targets = List.copyOf(b.targets);
        this.include = List.copyOf(b.include);
        this.exclude = List.copyOf(b.exclude);
        this.timeout = b.timeout != null ? b.timeout : DEFAULT_TIMEOUT;
        this.overallTimeout = b.overallTimeout != null ? b.overallTimeout : DEFAULT_OVERALL_TIMEOUT;
        this.parallelism = b.parallelism != null ? b.parallelism : defaultParallelism();
        this.clock = b.clock;
        this.network = b.network != null ? b.network : NetworkSettings.system();
        this.waivers = List.copyOf(b.waivers);
        this.listener = b.listener;
        this.redactor = Redactor.of(SecretCollector.collect(targets, b.secrets));
    }

    /** @return a builder with discovery on and the defaults documented on its methods */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs every selected probe on every target of its kind and waits for all of them, at most the
     * overall timeout.
     *
     * @return the report; never throws for a probe's failure
     */
    public Report run() {
        ProbeRunner runner = new ProbeRunner(parallelism, overallTimeout, clock, redactor, network, waivers, listener);
        RunPlan plan = RunPlan.of(catalog, targets, include, exclude, timeout, runner, redactor);
        return runner.run(plan);
    }

    /**
     * The version of Preflight on the class path, from the core jar's manifest.
     *
     * @return e.g. {@code "0.1.0"}, or {@code "dev"} when running from classes
     */
    public static String version() {
        String v = Preflight.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /**
     * Runs on a thread of its own. Cancelling the returned future stops the run: probes still
     * running are interrupted and closed, and those not started never start.
     *
     * @return the report, when every probe has finished or reached its deadline
     */
    public CompletableFuture<Report> runAsync() {
        CompletableFuture<Report> future = new CompletableFuture<>();
        Thread coordinator = new Thread(() -> {
            try {
                future.complete(run());
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "preflight-run");
        coordinator.setDaemon(true);
        future.whenComplete((report, e) -> {
            if (future.isCancelled()) {
                coordinator.interrupt();
            }
        });
        coordinator.start();
        return future;
    }

    /**
     * The shortcut for the common case: every probe on the class path that applies to one URL.
     *
     * <pre>{@code
     * Report report = Preflight.check("https://shop.example.com");
     * }</pre>
     *
     * @param url an {@code https://}, {@code http://}, {@code postgresql://}, {@code redis://},
     *     {@code rediss://}, {@code smtp://} or {@code smtps://} URL
     * @return the report
     * @throws IllegalArgumentException for a malformed URL or another scheme
     */
    public static Report check(String url) {
        return builder().target(Target.forUrl(url)).build().run();
    }

    /** @return the probes this instance may run */
    public ProbeCatalog catalog() {
        return catalog;
    }

    /** @return the targets, in configuration order */
    public List<Target> targets() {
        return targets;
    }

    /** @return the redactor that knows every secret of this configuration */
    public Redactor redactor() {
        return redactor;
    }

    /**
     * Configures a {@link Preflight}. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final List<Target> targets = new ArrayList<>();
        private final List<String> include = new ArrayList<>();
        private final List<String> exclude = new ArrayList<>();
        private final List<Probe> probes = new ArrayList<>();
        private final List<Waiver> waivers = new ArrayList<>();
        private final List<String> secrets = new ArrayList<>();
        private boolean discover = true;
        private ClassLoader classLoader;
        private ProbeCatalog catalog;
        // Null means "not set": files may then supply a value, else the default applies.
        private Duration timeout;
        private Duration overallTimeout;
        private Integer parallelism;
        private NetworkSettings network;
        private Clock clock = Clock.systemUTC();
        private Consumer<ProbeOutcome> listener;
        private Path configFile;
        private Path envFile;
        private Map<String, String> environment;

        private Builder() {
        }

        /** @param target a target to check @return this builder */
        public Builder target(Target target) {
            targets.add(Objects.requireNonNull(target, "'target' must not be null"));
            return this;
        }

        /** @param targets targets to check, in report order @return this builder */
        public Builder targets(Collection<Target> targets) {
            targets.forEach(this::target);
            return this;
        }

        /**
         * Limits the run to probes whose id matches one of the globs ({@code tls.*}); by default every
         * probe that applies runs. Naming a writing probe's exact id opts into it.
         *
         * @param globs ids or globs
         * @return this builder
         */
        public Builder probes(String... globs) {
            include.addAll(List.of(globs));
            return this;
        }

        /** @param globs ids or globs never to run @return this builder */
        public Builder exclude(String... globs) {
            exclude.addAll(List.of(globs));
            return this;
        }

        /**
         * Whether to find probes with {@link java.util.ServiceLoader}; on by default. Switch it off and
         * use {@link #addProbe} to run exactly the probes you pass.
         *
         * @param discover whether to discover
         * @return this builder
         */
        public Builder discoverProbes(boolean discover) {
            this.discover = discover;
            return this;
        }

        /** @param classLoader where discovery looks; defaults to the thread's context class loader @return this builder */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /** @param catalog an already discovered catalog, to avoid discovering again @return this builder */
        public Builder catalog(ProbeCatalog catalog) {
            this.catalog = catalog;
            return this;
        }

        /**
         * A probe to run in addition to (or, without discovery, instead of) discovered ones. A probe
         * class outside {@code dev.preflight} may not take an id in Preflight's reserved areas
         * ({@link dev.preflight.support.ProbeIds#RESERVED_AREAS}): {@link #build()} refuses it.
         *
         * @param probe the probe
         * @return this builder
         */
        public Builder addProbe(Probe probe) {
            probes.add(Objects.requireNonNull(probe, "'probe' must not be null"));
            return this;
        }

        /** @param timeout each probe's deadline unless its target sets one; default 10 s @return this builder */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "timeout");
            return this;
        }

        /** @param overallTimeout the whole run's deadline; default 5 min @return this builder */
        public Builder overallTimeout(Duration overallTimeout) {
            this.overallTimeout = positive(overallTimeout, "overallTimeout");
            return this;
        }

        /**
         * @param parallelism the most probes running at once, 1 to 1024; default
         *     {@link Preflight#defaultParallelism()}
         * @return this builder
         */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1 || parallelism > 1024) {
                throw new IllegalArgumentException("'parallelism' must be between 1 and 1024, was " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        /** @param clock the clock for timestamps, date judgements and waiver expiry; default UTC system clock @return this builder */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
            return this;
        }

        /** @param network host overrides, DNS server, extra CAs; default the system's @return this builder */
        public Builder network(NetworkSettings network) {
            this.network = Objects.requireNonNull(network, "'network' must not be null");
            return this;
        }

        /** @param waiver an accepted exception @return this builder */
        public Builder waiver(Waiver waiver) {
            waivers.add(Objects.requireNonNull(waiver, "'waiver' must not be null"));
            return this;
        }

        /** @param values further secret values to redact from every output @return this builder */
        public Builder secrets(Collection<String> values) {
            secrets.addAll(values);
            return this;
        }

        /**
         * Reads targets, waivers, defaults and network settings from a {@code preflight.yml}. Needs
         * {@code preflight-config} on the class path. What is set on this builder in code wins over
         * the file; targets and waivers from the file come first.
         *
         * @param file the configuration file
         * @return this builder
         */
        public Builder config(Path file) {
            this.configFile = Objects.requireNonNull(file, "'file' must not be null");
            return this;
        }

        /**
         * Reads a dotenv file (such as {@code .env.production}) and derives targets from it, as
         * {@code preflight check --env} does. Needs {@code preflight-config} on the class path.
         *
         * @param file the dotenv file
         * @return this builder
         */
        public Builder envFile(Path file) {
            this.envFile = Objects.requireNonNull(file, "'file' must not be null");
            return this;
        }

        /**
         * The variables {@code ${VAR}} in configuration files read; defaults to {@link System#getenv()}.
         *
         * @param environment name to value
         * @return this builder
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** @param listener sees each outcome as soon as it is known, on a runner thread @return this builder */
        public Builder listener(Consumer<ProbeOutcome> listener) {
            this.listener = listener;
            return this;
        }

        /**
         * Validates and freezes the configuration.
         *
         * @return the configured instance
         * @throws ConfigException for a malformed or duplicate probe id, an added probe outside
         *     {@code dev.preflight} with an id in a reserved area, a selection glob or waiver that
         *     matches no probe, or two targets with the same name
         */
        public Preflight build() {
            ClassLoader loader = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
            ProbeCatalog base = catalog != null ? catalog
                    : discover ? ProbeCatalog.discover(loader) : ProbeCatalog.of(List.of());
            ProbeCatalog all = probes.isEmpty() ? base : base.plus(probes);
            Builder effective = configFile == null && envFile == null ? this : withFiles(all, loader);
            return effective.validated(all);
        }

        /** A new builder: what the files say, then what was set on this builder. */
        private Builder withFiles(ProbeCatalog all, ClassLoader loader) {
            ConfigurationProvider provider = ServiceLoader.load(ConfigurationProvider.class, loader).findFirst()
                    .orElseThrow(() -> new ConfigException(String.valueOf(configFile != null ? configFile : envFile), 0,
                            null, "reading configuration files needs preflight-config on the class path"));
            Builder merged = new Builder();
            provider.apply(merged, configFile, envFile, environment != null ? environment : System.getenv(), all.ids(),
                    loader);
            merged.targets.addAll(targets);
            merged.include.addAll(include);
            merged.exclude.addAll(exclude);
            merged.waivers.addAll(waivers);
            merged.secrets.addAll(secrets);
            merged.timeout = timeout != null ? timeout : merged.timeout;
            merged.overallTimeout = overallTimeout != null ? overallTimeout : merged.overallTimeout;
            merged.parallelism = parallelism != null ? parallelism : merged.parallelism;
            merged.network = network != null ? network : merged.network;
            merged.clock = clock;
            merged.listener = listener;
            return merged;
        }

        private Preflight validated(ProbeCatalog all) {
            List<String> ids = all.ids();
            for (String glob : include) {
                checkKnown(glob, ids, "--probe");
            }
            for (String glob : exclude) {
                checkKnown(glob, ids, "--exclude");
            }
            for (Waiver w : waivers) {
                checkKnown(w.probe(), ids, "waiver");
            }
            Set<String> names = new HashSet<>();
            for (Target t : targets) {
                if (!names.add(t.name())) {
                    throw new ConfigException("two targets are named '" + t.name() + "'");
                }
                t.include().forEach(g -> checkKnown(g, ids, "target " + t.name() + " include"));
                t.exclude().forEach(g -> checkKnown(g, ids, "target " + t.name() + " exclude"));
            }
            return new Preflight(this, all);
        }

        private static void checkKnown(String glob, List<String> ids, String where) {
            if (!ProbeIds.matchesAny(glob, ids)) {
                throw new ConfigException(null, 0, where, "no probe matches '" + glob + "'"
                        + ProbeIds.closest(glob, ids).map(s -> "; did you mean '" + s + "'?").orElse("")
                        + " (preflight list shows every probe)");
            }
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("'" + name + "' must be positive");
            }
            return d;
        }
    }
}
