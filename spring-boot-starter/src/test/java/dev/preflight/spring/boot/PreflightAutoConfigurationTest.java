package dev.preflight.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.ConfigException;
import dev.preflight.Preflight;
import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.Target;
import dev.preflight.spring.boot.internal.CachedRuns;
import dev.preflight.spring.boot.internal.ReportGauges;
import dev.preflight.spring.boot.internal.StartupGate;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.net.ServerSocket;
import dev.preflight.testkit.ContractTargets;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Each condition of {@link PreflightAutoConfiguration}, in a bare application context. */
class PreflightAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PreflightAutoConfiguration.class))
            .withPropertyValues("preflight.targets.shop.url=https://127.0.0.1:1/");

    @Test
    void configuresPreflightRunsGateAndHealthByDefault() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(Preflight.class).hasSingleBean(CachedRuns.class)
                    .hasSingleBean(StartupGate.class).hasBean("preflightHealthContributor");
            assertThat(context.getBean(Preflight.class).targets()).extracting(Target::name).containsExactly("shop");
            CompositeHealthContributor health = context.getBean("preflightHealthContributor", CompositeHealthContributor.class);
            assertThat(health.getContributor("shop")).isNotNull();
        });
    }

    @Test
    void configuresNothingWhenDisabled() {
        runner.withPropertyValues("preflight.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(Preflight.class).doesNotHaveBean(CachedRuns.class)
                .doesNotHaveBean(StartupGate.class).doesNotHaveBean("preflightHealthContributor"));
    }

    @Test
    void backsOffForTheApplicationsOwnPreflight() {
        Preflight own = Preflight.builder().target(Target.web("https://127.0.0.1:2/")).build();
        runner.withBean(Preflight.class, () -> own).run(context -> {
            assertThat(context.getBean(Preflight.class)).isSameAs(own);
            assertThat(context.getBean(CachedRuns.class).preflight()).isSameAs(own);
            // a URL-named target's '/' is not allowed in a component name
            CompositeHealthContributor health = context.getBean("preflightHealthContributor", CompositeHealthContributor.class);
            assertThat(health.getContributor("https-127.0.0.1-2")).isNotNull();
        });
    }

    @Test
    void leavesHealthOutWithoutSpringBootsHealthApi() {
        runner.withClassLoader(new FilteredClassLoader(HealthContributor.class)).run(context -> assertThat(context)
                .hasSingleBean(Preflight.class).hasSingleBean(StartupGate.class)
                .doesNotHaveBean("preflightHealthContributor"));
    }

    @Test
    void leavesHealthOutWhenItsIndicatorIsDisabled() {
        runner.withPropertyValues("management.health.preflight.enabled=false").run(context -> assertThat(context)
                .hasSingleBean(Preflight.class).doesNotHaveBean("preflightHealthContributor"));
    }

    @Test
    void addsTheEndpointOnlyWhenExposedAndActuatorIsPresent() {
        runner.run(context -> assertThat(context).doesNotHaveBean(PreflightEndpoint.class));
        runner.withPropertyValues("management.endpoints.web.exposure.include=preflight")
                .run(context -> assertThat(context).hasSingleBean(PreflightEndpoint.class));
        runner.withPropertyValues("management.endpoints.web.exposure.include=preflight")
                .withClassLoader(new FilteredClassLoader(Endpoint.class))
                .run(context -> assertThat(context).hasSingleBean(Preflight.class).doesNotHaveBean(PreflightEndpoint.class));
    }

    @Test
    void addsGaugesOnlyWithMicrometer() {
        runner.run(context -> assertThat(context).hasSingleBean(ReportGauges.class));
        runner.withClassLoader(new FilteredClassLoader(MeterBinder.class))
                .run(context -> assertThat(context).hasSingleBean(Preflight.class).doesNotHaveBean(ReportGauges.class));
    }

    @Test
    void marksTargetsAsProductionUnderAProdProfile() {
        runner.withPropertyValues("spring.profiles.active=prod").run(context -> assertThat(
                context.getBean(Preflight.class).targets().get(0).attribute("environment")).contains("production"));
        runner.withPropertyValues("spring.profiles.active=dev").run(context -> assertThat(
                context.getBean(Preflight.class).targets().get(0).attribute("environment")).isEmpty());
        runner.withPropertyValues("spring.profiles.active=prod", "preflight.environment=staging").run(context -> assertThat(
                context.getBean(Preflight.class).targets().get(0).attribute("environment")).contains("staging"));
    }

    @Test
    void failsStartUpForAGlobMatchingNoProbe() {
        runner.withPropertyValues("preflight.probes=tls.certificat").run(context -> assertThat(context)
                .getFailure().rootCause().isInstanceOf(ConfigException.class).hasMessageContaining("preflight.probes").hasMessageContaining("did you mean 'tls.certificate'"));
    }

    @Test
    void failsStartUpForAMissingConfigFileNamingTheProperty() {
        runner.withPropertyValues("preflight.config=file:/nonexistent/preflight.yml").run(context -> assertThat(context)
                .getFailure().rootCause().isInstanceOf(ConfigException.class).hasMessageContaining("preflight.config"));
    }

    @Test
    void keepsPasswordsOfTargetUrlsOutOfStartUpErrors() {
        runner.withPropertyValues("preflight.targets.db.url=ftp://app:s3cr3t-pw@127.0.0.1/").run(context -> assertThat(context)
                .getFailure().rootCause().isInstanceOf(ConfigException.class)
                .hasMessageContaining("preflight.targets.db.url").hasMessageNotContaining("s3cr3t-pw"));
    }

    @Test
    void neverRunsAWritingProbeEvenWhenNamed() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        runner.withPropertyValues("preflight.targets.shop.url=https://127.0.0.1:" + closedPort + "/",
                "preflight.probes=http.rate-limit,tls.certificate", "preflight.timeout=2s").run(context -> {
                    Report report = context.getBean(Preflight.class).run();
                    assertThat(report.outcomes()).extracting(ProbeOutcome::probeId).contains("tls.certificate")
                            .doesNotContain("http.rate-limit");
                });
    }

    @Test
    void aTargetThatCouldNotBeCheckedIsUnknownNotDown() {
        try (ContractTargets targets = ContractTargets.open()) {
            runner.withPropertyValues("preflight.targets.shop.url=https://" + targets.silentServer() + "/",
                    "preflight.probes=tls.certificate", "preflight.timeout=1s").run(context -> {
                        HealthIndicator shop = (HealthIndicator) context
                                .getBean("preflightHealthContributor", CompositeHealthContributor.class).getContributor("shop");
                        Health health = shop.health();

                        assertThat(health.getStatus()).isEqualTo(org.springframework.boot.health.contributor.Status.UNKNOWN);
                        assertThat(health.getDetails().get("outcomes").toString()).contains("status=ERROR");
                    });
        }
    }

    @Test
    void bindsTheHealthCacheAndGateSettings() {
        runner.withPropertyValues("preflight.health.cache=30s", "preflight.startup.fail-on=warn").run(context -> {
            PreflightProperties p = context.getBean(PreflightProperties.class);
            assertThat(p.getHealth().getCache()).isEqualTo(Duration.ofSeconds(30));
            assertThat(p.getStartup().getFailOn()).isEqualTo(PreflightProperties.FailOn.WARN);
        });
        runner.run(context -> {
            PreflightProperties p = context.getBean(PreflightProperties.class);
            assertThat(p.getHealth().getCache()).isEqualTo(Duration.ofMinutes(5));
            assertThat(p.getStartup().getFailOn()).isEqualTo(PreflightProperties.FailOn.NEVER);
        });
    }
}
