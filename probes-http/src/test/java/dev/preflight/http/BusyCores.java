package dev.preflight.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Spinning threads that keep every core busy for a test, stopped on close or after a bound. */
final class BusyCores implements AutoCloseable {
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong spins = new AtomicLong();
    private volatile boolean stop;

    private BusyCores() {
    }

    static BusyCores spin(int threads, Duration bound) {
        BusyCores busy = new BusyCores();
        long until = System.nanoTime() + bound.toNanos();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                long local = 0;
                while (!busy.stop && System.nanoTime() < until) {
                    local += Long.numberOfTrailingZeros(local + System.nanoTime());
                    busy.spins.incrementAndGet();
                }
            }, "busy-core-" + i);
            t.setDaemon(true);
            t.start();
            busy.threads.add(t);
        }
        return busy;
    }

    long spins() {
        return spins.get();
    }

    @Override
    public void close() {
        stop = true;
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
