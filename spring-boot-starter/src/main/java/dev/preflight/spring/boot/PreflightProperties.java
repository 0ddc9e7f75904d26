package dev.preflight.spring.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The {@code preflight.*} settings of a Spring Boot application.
 *
 * <pre>{@code
 * preflight:
 *   targets:
 *     shop.url: https://shop.example.com
 *   startup.fail-on: fail
 *   health.cache: 5m
 * }</pre>
 *
 * <p>Targets come from {@link #getConfig() config} (a {@code preflight.yml}) or from
 * {@link #getTargets() targets}; with both, the file's targets come first. A JavaBean for Spring's
 * binder: mutable until the context has bound it, not thread-safe.
 *
 * @since 0.3
 */
@ConfigurationProperties("preflight")
public class PreflightProperties {
    /** Whether to configure Preflight at all. */
    private boolean enabled = true;
    /** A preflight.yml, any Spring resource location on the file system (file:, or classpath: when unpacked). */
    private Resource config;
    /** Targets by name, each with its URL (https, postgresql, redis, rediss, smtp, smtps). */
    private Map<String, TargetProperties> targets = new LinkedHashMap<>();
    /** Probe ids or globs to run (tls.*); by default every probe that applies. */
    private List<String> probes = new ArrayList<>();
    /** Probe ids or globs never to run. */
    private List<String> exclude = new ArrayList<>();
    /** Each probe's deadline; by default Preflight's, 10 s. */
    private Duration timeout;
    /**
     * The stage of the targets set here (production, staging, ...); by default production when the
     * active profile is prod or production, else unset, which probes also read as production.
     */
    private String environment;
    private final Startup startup = new Startup();
    private final Health health = new Health();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Resource getConfig() {
        return config;
    }

    public void setConfig(Resource config) {
        this.config = config;
    }

    public Map<String, TargetProperties> getTargets() {
        return targets;
    }

    public void setTargets(Map<String, TargetProperties> targets) {
        this.targets = targets;
    }

    public List<String> getProbes() {
        return probes;
    }

    public void setProbes(List<String> probes) {
        this.probes = probes;
    }

    public List<String> getExclude() {
        return exclude;
    }

    public void setExclude(List<String> exclude) {
        this.exclude = exclude;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public Startup getStartup() {
        return startup;
    }

    public Health getHealth() {
        return health;
    }

    /** One target of {@code preflight.targets}. */
    public static class TargetProperties {
        /** The target's URL; credentials in it are redacted from every output. */
        private String url;

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }
    }

    /** The start-up gate, {@code preflight.startup}. */
    public static class Startup {
        /** Which results stop start-up once the application is ready: fail, warn (WARN or FAIL) or never. */
        private FailOn failOn = FailOn.NEVER;

        public FailOn getFailOn() {
            return failOn;
        }

        public void setFailOn(FailOn failOn) {
            this.failOn = failOn;
        }
    }

    /** The health contributor, {@code preflight.health}. */
    public static class Health {
        /** How long health requests reuse one run's results before the next request runs the probes again. */
        private Duration cache = Duration.ofMinutes(5);

        public Duration getCache() {
            return cache;
        }

        public void setCache(Duration cache) {
            this.cache = cache;
        }
    }

    /** What stops start-up. */
    public enum FailOn {
        /** A FAIL not waived. */
        FAIL,
        /** A WARN or FAIL not waived. */
        WARN,
        /** Nothing: start-up goes on whatever the results (the default, so adding the starter never breaks a service). */
        NEVER
    }
}
