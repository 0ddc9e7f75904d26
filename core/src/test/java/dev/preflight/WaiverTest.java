package dev.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WaiverTest {
    private static final Clock NOV_23 = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
    private static final Target SHOP = Target.web("https://shop.example.com");

    private static Report run(Waiver waiver) {
        return Preflight.builder().discoverProbes(false).clock(NOV_23)
                .addProbe(ScriptedProbe.web("http.compression", c -> Result.fail("not compressed", "Enable gzip.")))
                .target(SHOP).waiver(waiver).build().run();
    }

    @Test
    void activeWaiverKeepsTheFailureVisibleButNotARunProblem() {
        Report report = run(new Waiver("http.compression", null, "BREACH: pages carry secrets", LocalDate.of(2027, 3, 1)));

        ProbeOutcome outcome = report.outcomes().get(0);
        assertThat(outcome.status()).isEqualTo(Status.FAIL);
        assertThat(outcome.waived()).isTrue();
        assertThat(report.isSuccessful(true)).isTrue();
        assertThat(report.waivedCount()).isEqualTo(1);
    }

    @Test
    void expiredWaiverStopsApplying() {
        Report report = run(new Waiver("http.*", SHOP.name(), "until the CDN migration", LocalDate.of(2026, 11, 23)));

        ProbeOutcome outcome = report.outcomes().get(0);
        assertThat(outcome.waived()).isFalse();
        assertThat(outcome.waiver()).isNotNull();
        assertThat(report.isSuccessful(false)).isFalse();
    }

    @Test
    void waiverForAnotherTargetDoesNotApply() {
        Report report = run(new Waiver("http.compression", "api", "api only", LocalDate.of(2027, 3, 1)));

        assertThat(report.outcomes().get(0).waived()).isFalse();
        assertThat(report.outcomes().get(0).waiver()).isNull();
    }
}
