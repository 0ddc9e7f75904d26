package dev.preflight.serve;

import dev.preflight.ConfigException;
import dev.preflight.ProbeCatalog;
import dev.preflight.config.WebConfig;
import dev.preflight.serve.internal.BcryptAuthenticator;
import dev.preflight.serve.internal.ExporterMetrics;
import dev.preflight.serve.internal.Fleet;
import dev.preflight.serve.internal.ListenerTls;
import dev.preflight.serve.internal.Routes;
import dev.preflight.serve.internal.OutcomeCache;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Preflight as a Prometheus exporter, in the multi-target pattern of {@code blackbox_exporter}:
 * Prometheus schedules, shards and alerts; the exporter checks a configured target when scraped.
 * {@code preflight serve} runs one; an application can run its own to expose its readiness.
 *
 * <pre>{@code
 * try (PreflightExporter exporter = PreflightExporter.builder()
 *         .configuration(ConfigurationSource.files(Path.of("preflight.yml"), null, System.getenv()))
 *         .listen(new InetSocketAddress("127.0.0.1", 9871))
 *         .start()) {
 *     // GET http://127.0.0.1:9871/probe?target=shop
 * }
 * }</pre>
 *
 * <p>Endpoints: {@code /probe?target=NAME[&probe=ID,...]} runs the target's probes (text format, or
 * OpenMetrics when asked) as {@code preflight_probe_status}, {@code preflight_probe_success},
 * {@code preflight_probe_duration_seconds} and the gauges the probes declare;
 * {@code /report?target=NAME&format=json|markdown} the same run as the CLI's report;
 * {@code /metrics} the exporter's own metrics and the JVM's; {@code /-/healthy}; {@code /-/ready}
 * once a configuration is loaded; {@code POST /-/reload}.
 *
 * <p>A request can name only a target of the configuration, never a host. Writing probes never run.
 * A target is checked at most {@code targetConcurrency} times at once, and a probe's outcome younger
 * than {@code minInterval} (or the target's setting {@code <probe-id>.min-interval}) is served again
 * rather than measured anew, so that aggressive or many scrapers do not hammer a database or a
 * payment provider. A run ends half a second before the scraper's timeout
 * ({@code X-Prometheus-Scrape-Timeout-Seconds}). With {@link Builder#web} the listener speaks TLS
 * and asks for basic authentication, as a {@code web.yml} says. Thread-safe.
 *
 * @since 0.3
 */
public final class PreflightExporter implements AutoCloseable {
    /** The port {@code preflight serve} listens on by default. */
    public static final int DEFAULT_PORT = 9871;

    private final ConfigurationSource source;
    private final ProbeCatalog catalog;
    private final Clock clock;
    private final Consumer<String> log;
    private final Duration minInterval;
    private final OutcomeCache cache;
    private final ExporterMetrics metrics = new ExporterMetrics();
    private final AtomicReference<Fleet> fleet = new AtomicReference<>();
    private final ExecutorService workers;
    private final WebConfig web;
    private HTTPServer server;
    private InetSocketAddress listening;

    private PreflightExporter(Builder b) {
        this.source = b.source;
        this.catalog = b.catalog != null ? b.catalog : ProbeCatalog.discover(PreflightExporter.class.getClassLoader());
        this.clock = b.clock;
        this.log = b.log;
        this.web = b.web;
        this.minInterval = b.minInterval;
        this.cache = new OutcomeCache(b.targetConcurrency, b.clock);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(b.threads, b.threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(b.threads * 16), runnable -> {
                    Thread t = new Thread(runnable, "preflight-exporter");
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.workers = pool;
    }

    /** @return a builder; {@link Builder#configuration} is required */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the address the exporter listens on, with the port chosen when asked for port 0 */
    public InetSocketAddress address() {
        return listening;
    }

    /** @return the port it listens on, the one chosen when asked for port 0 */
    public int port() {
        return server.getPort();
    }

    /**
     * Reads the configuration again. When the new one is invalid the old one stays in force and a log
     * line says why.
     *
     * @return empty when the new configuration is in force, else why it is not
     */
    public synchronized Optional<String> reload() {
        try {
            fleet.set(Fleet.of(source.load(catalog), catalog, minInterval));
            cache.clear();
            metrics.reloaded(true, clock.millis() / 1000.0);
            log.accept("preflight serve: configuration reloaded: " + fleet.get().targetNames().size() + " targets");
            return Optional.empty();
        } catch (ConfigException | IllegalArgumentException e) {
            metrics.reloaded(false, clock.millis() / 1000.0);
            String why = e.getMessage();
            log.accept("preflight serve: reload failed, keeping the previous configuration: " + why);
            return Optional.of(why);
        }
    }

    /** Stops listening and lets runs in progress end at their deadlines. */
    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        workers.shutdownNow();
    }

    private PreflightExporter start(InetSocketAddress listen) throws IOException {
        fleet.set(Fleet.of(source.load(catalog), catalog, minInterval));
        metrics.reloaded(true, clock.millis() / 1000.0);
        Routes routes = new Routes(() -> Optional.ofNullable(fleet.get()), cache, metrics,
                () -> reload().orElse(null), Duration.ofSeconds(10), clock);
        HTTPServer.Builder http = HTTPServer.builder().inetAddress(listen.getAddress()).port(listen.getPort())
                .registry(metrics.registry()).defaultHandler(routes).registerHealthHandler(false)
                .executorService(workers);
        web.tls().ifPresent(tls -> http.httpsConfigurator(ListenerTls.configurator(tls)));
        if (!web.basicAuthUsers().isEmpty()) {
            http.authenticator(new BcryptAuthenticator(web.basicAuthUsers()));
        }
        server = http.buildAndStart();
        listening = new InetSocketAddress(listen.getAddress(), server.getPort());
        return this;
    }

    /** Builds and starts a {@link PreflightExporter}. Not thread-safe. */
    public static final class Builder {
        private ConfigurationSource source;
        private ProbeCatalog catalog;
        private InetSocketAddress listen = new InetSocketAddress("127.0.0.1", DEFAULT_PORT);
        private Duration minInterval = Duration.ofSeconds(30);
        private int targetConcurrency = 1;
        private int threads = 64;
        private Clock clock = Clock.systemUTC();
        private Consumer<String> log = System.err::println;
        private WebConfig web = new WebConfig(null, java.util.Map.of());

        private Builder() {
        }

        /** @param source where the configuration comes from, at start and at each reload @return this builder */
        public Builder configuration(ConfigurationSource source) {
            this.source = Objects.requireNonNull(source, "'source' must not be null");
            return this;
        }

        /** @param catalog the probes; by default those found with {@code ServiceLoader} @return this builder */
        public Builder catalog(ProbeCatalog catalog) {
            this.catalog = catalog;
            return this;
        }

        /** @param address where to listen; port 0 picks a free one; default 127.0.0.1:9871 @return this builder */
        public Builder listen(InetSocketAddress address) {
            this.listen = Objects.requireNonNull(address, "'address' must not be null");
            return this;
        }

        /**
         * @param interval how long a probe's outcome on a target is served again before it is measured
         *     anew; default 30 s; zero measures at every scrape. A target's setting
         *     {@code <probe-id>.min-interval} overrides it for one probe (e.g. a slow backup check).
         * @return this builder
         */
        public Builder minInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("the minimum interval must not be negative");
            }
            this.minInterval = interval;
            return this;
        }

        /** @param limit how many runs of one target may go at once; default 1 @return this builder */
        public Builder targetConcurrency(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("the target concurrency must be at least 1, not " + limit);
            }
            this.targetConcurrency = limit;
            return this;
        }

        /**
         * @param web the listener's TLS and basic-auth users, as a {@code web.yml} of the Prometheus
         *     exporter toolkit says; plain HTTP without authentication by default
         * @return this builder
         */
        public Builder web(WebConfig web) {
            this.web = Objects.requireNonNull(web, "'web' must not be null");
            return this;
        }

        /** @param clock the clock for result ages; the system's UTC clock by default @return this builder */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
            return this;
        }

        /** @param log where log lines go (reloads and their failures); standard error by default @return this builder */
        public Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log, "'log' must not be null");
            return this;
        }

        /**
         * @return the started exporter, listening
         * @throws ConfigException if the configuration is invalid
         * @throws IOException if it cannot listen
         */
        public PreflightExporter start() throws IOException {
            if (source == null) {
                throw new IllegalStateException("no configuration: call configuration(...) before start()");
            }
            PreflightExporter exporter = new PreflightExporter(this);
            try {
                return exporter.start(listen);
            } catch (IOException | RuntimeException e) {
                exporter.close();
                throw e;
            }
        }
    }
}
