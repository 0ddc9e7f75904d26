package dev.preflight.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.Preflight;
import dev.preflight.probe.Gauge;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.spring.boot.internal.CachedRuns;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The probes' gauges in Spring Boot's meter registry, with Boot's own metrics auto-configuration. */
class ReportGaugesTest {
    /** A probe that reports a number which changes with every run, as a certificate's days left would. */
    static final class CountingProbe implements Probe {
        private final AtomicInteger calls = new AtomicInteger();

        @Override
        public String id() {
            return "test.counting";
        }

        @Override
        public String title() {
            return "counts its calls";
        }

        @Override
        public TargetKind targetKind() {
            return TargetKind.WEB;
        }

        @Override
        public Result check(ProbeContext context) {
            return Result.builder(Status.PASS).summary("counted")
                    .gauge(Gauge.of("test_calls", calls.incrementAndGet(), "Calls so far").withLabel("kind", "demo"))
                    .build();
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                    PreflightAutoConfiguration.class))
            .withBean(Preflight.class, () -> Preflight.builder().discoverProbes(false).addProbe(new CountingProbe())
                    .target(Target.builder("shop", TargetKind.WEB).location("shop").build()).build());

    @Test
    void eachRunsNumbersBecomeGaugesTaggedWithTargetAndProbe() {
        runner.run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            CachedRuns runs = context.getBean(CachedRuns.class);
            assertThat(registry.find("preflight.test.calls").gauge()).isNull();

            runs.refresh();
            io.micrometer.core.instrument.Gauge gauge = registry.get("preflight.test.calls")
                    .tags("target", "shop", "probe", "test.counting", "kind", "demo").gauge();
            assertThat(gauge.value()).isEqualTo(1.0);
            assertThat(gauge.getId().getDescription()).isEqualTo("Calls so far");

            runs.refresh();
            assertThat(registry.get("preflight.test.calls").gauges()).singleElement()
                    .satisfies(g -> assertThat(g.value()).isEqualTo(2.0));
        });
    }
}
