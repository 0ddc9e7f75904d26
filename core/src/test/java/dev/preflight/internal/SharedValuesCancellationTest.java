package dev.preflight.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.probe.SharedKey;
import dev.preflight.probe.Target;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedValuesCancellationTest {
    private static final Target SHOP = Target.web("https://shop.example.com");

    @Test
    void whenTheComputingProbeIsCancelledAWaiterComputesAfresh() throws Exception {
        SharedValues shared = new SharedValues();
        CountDownLatch computing = new CountDownLatch(1);
        AtomicInteger loads = new AtomicInteger();
        Thread hasty = new Thread(() -> {
            try {
                shared.get(SHOP, SharedKey.perTarget("page", String.class), () -> {
                    loads.incrementAndGet();
                    computing.countDown();
                    Thread.sleep(60_000);
                    return "never";
                }, Instant.now().plusSeconds(60), SharedValues.Waiter.NONE);
            } catch (Exception e) {
                // Cancelled, as intended.
            }
        });
        hasty.start();
        assertThat(computing.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> patient = CompletableFuture.supplyAsync(() -> {
            try {
                return shared.get(SHOP, SharedKey.perTarget("page", String.class), () -> {
                    loads.incrementAndGet();
                    return "fresh";
                }, Instant.now().plusSeconds(10), SharedValues.Waiter.NONE);
            } catch (Exception e) {
                return "failed: " + e;
            }
        });

        Thread.sleep(100);
        hasty.interrupt();

        assertThat(patient.get(5, TimeUnit.SECONDS)).isEqualTo("fresh");
        assertThat(loads).hasValue(2);
    }

    @Test
    void aWaiterGivesUpAtItsOwnDeadline() throws Exception {
        SharedValues shared = new SharedValues();
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread slow = new Thread(() -> {
            try {
                shared.get(SHOP, SharedKey.perTarget("page", String.class), () -> {
                    computing.countDown();
                    release.await();
                    return "late";
                }, Instant.now().plusSeconds(60), SharedValues.Waiter.NONE);
            } catch (Exception e) {
                // Not expected; the assertion below is what matters.
            }
        });
        slow.start();
        assertThat(computing.await(5, TimeUnit.SECONDS)).isTrue();

        long t0 = System.nanoTime();
        assertThatThrownBy(() -> shared.get(SHOP, SharedKey.perTarget("page", String.class), () -> "mine", Instant.now().plusMillis(200),
                SharedValues.Waiter.NONE))
                .isInstanceOf(TimeoutException.class).hasMessageContaining("page");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(5_000);
        release.countDown();
        slow.join(5_000);
    }
}
