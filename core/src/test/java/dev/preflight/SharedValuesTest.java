package dev.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.SharedKey;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code ProbeContext.shared}: one computation per target per run, whatever the number of probes. */
class SharedValuesTest {
    private static final Target SHOP = Target.web("https://shop.example.com");
    private static final Target API = Target.web("https://api.example.com");

    private static ScriptedProbe reader(String id, AtomicInteger loads) {
        return ScriptedProbe.web(id, c -> {
            String page = c.shared(SharedKey.perTarget("page", String.class), () -> {
                loads.incrementAndGet();
                Thread.sleep(50);
                return "page of " + c.target().name();
            });
            return Result.pass(page);
        });
    }

    @Test
    void oneTargetsProbesShareOneComputationAndEachTargetGetsItsOwn() {
        AtomicInteger loads = new AtomicInteger();
        Preflight.Builder b = Preflight.builder().discoverProbes(false).target(SHOP).target(API);
        for (int i = 0; i < 6; i++) {
            b.addProbe(reader("test.reader-" + i, loads));
        }

        Report report = b.build().run();

        assertThat(loads).hasValue(2);
        assertThat(report.outcomes()).hasSize(12).allSatisfy(o -> {
            assertThat(o.result().status()).isEqualTo(Status.PASS);
            assertThat(o.result().summary()).isEqualTo("page of " + o.target());
        });
    }

    @Test
    void aRunWideValueIsComputedOnceForEveryTarget() {
        AtomicInteger loads = new AtomicInteger();
        SharedKey<String> answer = SharedKey.perRun("dns.txt:example.com", String.class);
        Preflight.Builder b = Preflight.builder().discoverProbes(false).target(SHOP).target(API);
        for (int i = 0; i < 3; i++) {
            b.addProbe(ScriptedProbe.web("test.run-reader-" + i, c -> Result.pass(c.shared(answer, () -> {
                loads.incrementAndGet();
                Thread.sleep(50);
                return "v=spf1 -all";
            }))));
        }

        Report report = b.build().run();

        assertThat(loads).hasValue(1);
        assertThat(report.outcomes()).hasSize(6)
                .allSatisfy(o -> assertThat(o.result().summary()).isEqualTo("v=spf1 -all"));
    }

    @Test
    void keysOfOtherTypesOrScopesAreOtherValues() {
        assertThat(SharedKey.perTarget("a", String.class)).isEqualTo(SharedKey.perTarget("a", String.class))
                .isNotEqualTo(SharedKey.perRun("a", String.class))
                .isNotEqualTo(SharedKey.perTarget("a", Integer.class));
    }

    @Test
    void aFailureIsSharedLikeAValue() {
        AtomicInteger loads = new AtomicInteger();
        ScriptedProbe.Body body = c -> {
            try {
                c.shared(SharedKey.perTarget("page", String.class), () -> {
                    loads.incrementAndGet();
                    throw new IOException("connection refused");
                });
                return Result.pass("unexpected");
            } catch (IOException e) {
                return Result.error(e.getMessage(), e);
            }
        };
        Report report = Preflight.builder().discoverProbes(false).target(SHOP)
                .addProbe(ScriptedProbe.web("test.a", body)).addProbe(ScriptedProbe.web("test.b", body))
                .parallelism(1).build().run();

        assertThat(loads).hasValue(1);
        assertThat(report.outcomes()).extracting(o -> o.result().summary())
                .containsExactly("connection refused", "connection refused");
    }

    @Test
    void closeableValuesAreClosedWhenTheRunEnds() {
        AtomicBoolean closed = new AtomicBoolean();
        ScriptedProbe probe = ScriptedProbe.web("test.closeable", c -> {
            AutoCloseable resource = c.shared(SharedKey.perTarget("connection", AutoCloseable.class), () -> () -> closed.set(true));
            return Result.pass(resource == null ? "none" : "open");
        });

        Preflight.builder().discoverProbes(false).target(SHOP).addProbe(probe).build().run();

        assertThat(closed).isTrue();
    }

    @Test
    void aTargetsValuesAreClosedAsSoonAsItsLastProbeIsDone() {
        // A sweep of many sites must not hold every site's connections until the run ends.
        CountDownLatch shopClosed = new CountDownLatch(1);
        AtomicInteger shopLoads = new AtomicInteger();
        ScriptedProbe.Body body = c -> {
            if (c.target() == SHOP) {
                c.shared(SharedKey.perTarget("connection", AutoCloseable.class), () -> {
                    shopLoads.incrementAndGet();
                    return shopClosed::countDown;
                });
                return Result.pass("shop open, closed: " + (shopClosed.getCount() == 0));
            }
            // Released on a worker of its own, not on the thread that completed the shop's last probe.
            return Result.pass("shop closed: " + shopClosed.await(5, TimeUnit.SECONDS));
        };

        Report report = Preflight.builder().discoverProbes(false).target(SHOP).target(API)
                .addProbe(ScriptedProbe.web("test.a", body)).addProbe(ScriptedProbe.web("test.b", body))
                .parallelism(1).build().run();

        assertThat(shopLoads).as("shared by both of the shop's probes").hasValue(1);
        assertThat(report.outcomes()).extracting(o -> o.target() + ": " + o.result().summary()).containsExactly(
                SHOP.name() + ": shop open, closed: false", SHOP.name() + ": shop open, closed: false",
                API.name() + ": shop closed: true", API.name() + ": shop closed: true");
    }

    @Test
    void aSlowCloseOfATargetsValuesHoldsUpNoOtherCheck() {
        // The shop's probe is cancelled at its deadline (by the deadline timer); closing its session
        // then takes 3 s. The API's check, next in line for the one permit, must not wait for that.
        CountDownLatch never = new CountDownLatch(1);
        ScriptedProbe.Body body = c -> {
            if (c.target() == SHOP) {
                c.shared(SharedKey.perTarget("session", AutoCloseable.class), () -> () -> never.await(3, TimeUnit.SECONDS));
            }
            never.await(60, TimeUnit.SECONDS);
            return Result.pass("unexpected");
        };

        Report report = Preflight.builder().discoverProbes(false).target(SHOP).target(API)
                .addProbe(ScriptedProbe.web("test.hangs", body)).timeout(java.time.Duration.ofMillis(300))
                .parallelism(1).build().run();
        never.countDown();

        assertThat(report.outcomes()).hasSize(2)
                .allSatisfy(o -> assertThat(o.result().status()).isEqualTo(Status.ERROR));
        assertThat(report.duration()).as("two 300 ms deadlines, one after the other")
                .isLessThan(java.time.Duration.ofMillis(2_500));
    }

    @Test
    void aProbeWaitingForASharedValueLendsItsPermitToTheNextCheck() {
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch thirdRan = new CountDownLatch(1);
        ScriptedProbe computer = ScriptedProbe.web("test.a-computes", c -> Result.pass(c.shared(SharedKey.perTarget("page", String.class), () -> {
            computing.countDown();
            // Only the third check can release this; with parallelism 2 it needs the waiter's permit.
            return thirdRan.await(5, TimeUnit.SECONDS) ? "page" : "starved";
        })));
        ScriptedProbe waiter = ScriptedProbe.web("test.b-waits", c -> {
            computing.await(5, TimeUnit.SECONDS);
            return Result.pass(c.shared(SharedKey.perTarget("page", String.class), () -> "computed again"));
        });
        ScriptedProbe third = ScriptedProbe.web("test.c-third", c -> {
            thirdRan.countDown();
            return Result.pass("ran");
        });

        Report report = Preflight.builder().discoverProbes(false).target(SHOP).addProbe(computer).addProbe(waiter)
                .addProbe(third).parallelism(2).build().run();

        assertThat(report.outcomes()).extracting(o -> o.result().summary()).containsExactly("page", "page", "ran");
    }
}
