package dev.preflight.spring.boot;

import dev.preflight.Preflight;
import dev.preflight.probe.Target;
import dev.preflight.spring.boot.internal.CachedRuns;
import dev.preflight.spring.boot.internal.ComponentNames;
import dev.preflight.spring.boot.internal.PreflightFactory;
import dev.preflight.spring.boot.internal.ReportGauges;
import dev.preflight.spring.boot.internal.StartupGate;
import dev.preflight.spring.boot.internal.TargetHealthIndicator;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Configures one {@link Preflight} from {@link PreflightProperties}, its start-up gate and, when
 * Spring Boot's health API is on the class path, the {@code preflight} health contributor with one
 * component per target (named after it, with characters other than letters, digits, {@code . _ -}
 * replaced by {@code -}). Active unless {@code preflight.enabled=false}.
 *
 * <p>Beans: {@link Preflight} (backs off when the application defines its own), the cache of runs
 * shared by health and the gate, the gate (which does nothing with the default
 * {@code preflight.startup.fail-on=never}), {@code preflightHealthContributor} (off with
 * {@code management.health.preflight.enabled=false}), and the Actuator endpoint
 * {@link PreflightEndpoint} when exposed, and, with Micrometer, gauges of the numbers probes measured
 * ({@code preflight.<gauge name with dots>}, tagged {@code target} and {@code probe}). To take a pod out of routing when a target fails, add the
 * contributor to the readiness group:
 * {@code management.endpoint.health.group.readiness.include=readinessState,preflight}.
 *
 * <p>Probes that write are never run: not even naming them in {@code preflight.probes} selects them.
 *
 * @since 0.3
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "preflight", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(PreflightProperties.class)
public class PreflightAutoConfiguration {

    /**
     * @param properties {@code preflight.*}
     * @param context for the active profiles, and the class loader probes are discovered with
     * @return the application's Preflight
     * @throws dev.preflight.ConfigException for a bad configuration, which stops start-up
     */
    @Bean
    @ConditionalOnMissingBean
    public Preflight preflight(PreflightProperties properties, ApplicationContext context) {
        return PreflightFactory.create(properties, context.getEnvironment(), context.getClassLoader());
    }

    /**
     * @param preflight what to run
     * @param properties for {@code preflight.health.cache}
     * @return the runs shared by health and the start-up gate
     */
    @Bean
    @ConditionalOnMissingBean
    public CachedRuns preflightRuns(Preflight preflight, PreflightProperties properties) {
        return new CachedRuns(preflight, properties.getHealth().getCache(), Clock.systemUTC());
    }

    /**
     * @param runs the shared runs
     * @param properties for {@code preflight.startup.fail-on}
     * @return the gate, run when the application is ready
     */
    @Bean
    public StartupGate preflightStartupGate(CachedRuns runs, PreflightProperties properties) {
        return new StartupGate(runs, properties.getStartup().getFailOn());
    }

    /** Gauges of the probes' numbers, only with Micrometer; Spring Boot binds them to its registries. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    static class PreflightMetricsConfiguration {
        @Bean
        @ConditionalOnMissingBean
        ReportGauges preflightGauges(CachedRuns runs) {
            return new ReportGauges(runs);
        }
    }

    /** The Actuator endpoint, only with Actuator, and only when exposed. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    static class PreflightEndpointConfiguration {
        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnAvailableEndpoint
        PreflightEndpoint preflightEndpoint(CachedRuns runs) {
            return new PreflightEndpoint(runs);
        }
    }

    /** The health contributor, only with Spring Boot's health API. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthContributor")
    @ConditionalOnEnabledHealthIndicator("preflight")
    static class PreflightHealthConfiguration {
        @Bean
        @ConditionalOnMissingBean(name = "preflightHealthContributor")
        CompositeHealthContributor preflightHealthContributor(CachedRuns runs) {
            Map<String, HealthIndicator> components = new LinkedHashMap<>();
            ComponentNames.of(runs.preflight().targets().stream().map(Target::name).toList())
                    .forEach((component, target) -> components.put(component, new TargetHealthIndicator(target, runs)));
            return CompositeHealthContributor.fromMap(components);
        }
    }
}
