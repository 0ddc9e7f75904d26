package dev.preflight.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.spring.boot.app.PreflightTestApplication;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** The start-up gate of a real application, started with {@link SpringApplication#run} on a free port. */
@ExtendWith(OutputCaptureExtension.class)
class StartupGateTest {

    @Test
    void failingTargetStopsStartUpWithTheFailureAnalysis(CapturedOutput output) {
        assertThatThrownBy(() -> run("preflight.startup.fail-on=fail"))
                .isInstanceOfSatisfying(PreflightGateException.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(o -> {
                        assertThat(o.probeId()).isEqualTo("tls.certificate");
                        assertThat(o.target()).isEqualTo("shop");
                    });
                    assertThat(e.getStackTrace()).isEmpty();
                });

        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains("FAIL tls.certificate on shop").contains("expired")
                .contains("Action:").contains("tls.certificate on shop: ")
                .doesNotContain("PreflightGateException").doesNotContain("at dev.preflight");
        for (String secret : TestSites.PLANTED_SECRETS) {
            assertThat(output.getOut() + output.getErr()).doesNotContain(secret);
        }
    }

    @Test
    void neverStartsAnyway() {
        try (ConfigurableApplicationContext context = run("preflight.startup.fail-on=never")) {
            assertThat(context.isRunning()).isTrue();
        }
    }

    @Test
    void aWarningStopsStartUpOnlyUnderFailOnWarn() {
        String warning = "preflight.config=file:" + TestSites.WARNING_CONFIG;
        try (ConfigurableApplicationContext context = run(warning, "preflight.startup.fail-on=fail")) {
            assertThat(context.isRunning()).isTrue();
        }

        assertThatThrownBy(() -> run(warning, "preflight.startup.fail-on=warn"))
                .isInstanceOfSatisfying(PreflightGateException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(o -> assertThat(o.status()).isEqualTo(dev.preflight.probe.Status.WARN)));
    }

    private static ConfigurableApplicationContext run(String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
        for (String p : TestSites.properties()) {
            // a repeated command-line option becomes a list, so the test's own choice replaces the default
            String key = p.substring(0, p.indexOf('='));
            if (Arrays.stream(extra).noneMatch(e -> e.startsWith(key + "="))) {
                args.add("--" + p);
            }
        }
        for (String p : extra) {
            args.add("--" + p);
        }
        return SpringApplication.run(PreflightTestApplication.class, args.toArray(String[]::new));
    }
}
