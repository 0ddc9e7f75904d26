package dev.preflight.internal;

import dev.preflight.probe.SharedKey;
import dev.preflight.probe.Target;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Values computed once per target per run and shared by that target's probes (one handshake, one
 * fetch of a page, instead of one per probe), or once per run and shared by every probe (one DNS
 * answer).
 *
 * <p>The first probe to ask computes the value on its own thread, under its own deadline; the others
 * wait for it, each up to its own deadline. A failure is shared like a value (the host is down for
 * everyone), except when the computing probe was cancelled: then the next waiter computes afresh, so
 * one probe's short deadline does not become everybody's error. A target's values are dropped when
 * its last probe is done ({@link #release}), the others when the run ends; those that are
 * {@link AutoCloseable} are closed then. Thread-safe.
 */
public final class SharedValues implements AutoCloseable {

    /** Told when a caller starts and stops waiting for another caller's computation. */
    public interface Waiter {
        /** Waits for nothing: for contexts outside a runner. */
        Waiter NONE = new Waiter() {
            @Override
            public void waiting() {
            }

            @Override
            public void resumed() {
            }
        };

        /** The caller is about to wait. */
        void waiting();

        /**
         * The caller has stopped waiting.
         *
         * @throws InterruptedException if interrupted while getting ready to go on
         */
        void resumed() throws InterruptedException;
    }

    private final Map<Key, CompletableFuture<Object>> values = new ConcurrentHashMap<>();

    /**
     * @param target the target the value belongs to; ignored for a key of {@link SharedKey.Scope#RUN}
     * @param sharedKey names the value, its type and its scope
     * @param loader computes the value
     * @param deadline how long a waiting caller waits at most
     * @param waiter told when the caller waits for another caller's computation
     * @param <T> the value's type
     * @return the value
     * @throws Exception what the loader threw, or {@link TimeoutException} if the deadline passed waiting
     */
    public <T> T get(Target target, SharedKey<T> sharedKey, Callable<? extends T> loader, Instant deadline,
            Waiter waiter) throws Exception {
        Key key = new Key(sharedKey.scope() == SharedKey.Scope.RUN ? null : target, sharedKey);
        while (true) {
            CompletableFuture<Object> mine = new CompletableFuture<>();
            CompletableFuture<Object> existing = values.putIfAbsent(key, mine);
            if (existing == null) {
                return sharedKey.cast(compute(key, mine, loader));
            }
            if (!existing.isDone()) {
                waiter.waiting();
            }
            try {
                long wait = Math.max(1, Duration.between(Instant.now(), deadline).toNanos());
                Object value = existing.get(wait, TimeUnit.NANOSECONDS);
                waiter.resumed();
                return sharedKey.cast(value);
            } catch (TimeoutException e) {
                throw new TimeoutException("still waiting for " + sharedKey.name() + " at the deadline");
            } catch (ExecutionException e) {
                waiter.resumed();
                Throwable cause = e.getCause();
                if (cause instanceof Abandoned) {
                    continue;
                }
                if (cause instanceof Exception exception) {
                    throw exception;
                }
                throw (Error) cause;
            }
        }
    }

    private Object compute(Key key, CompletableFuture<Object> mine, Callable<?> loader) throws Exception {
        try {
            Object value = loader.call();
            mine.complete(value);
            return value;
        } catch (Exception | Error e) {
            if (cancelled(e)) {
                values.remove(key, mine);
                mine.completeExceptionally(new Abandoned());
            } else {
                mine.completeExceptionally(e);
            }
            throw e;
        }
    }

    private static boolean cancelled(Throwable e) {
        return Thread.currentThread().isInterrupted() || e instanceof InterruptedException
                || e instanceof InterruptedIOException && !(e instanceof java.net.SocketTimeoutException);
    }

    /**
     * Drops one target's values, closing those that are {@link AutoCloseable}: its probes are done, and
     * a sweep of many sites must not keep every site's client, pages and TLS sessions until the end. A
     * probe of the target still running past its deadline computes afresh if it asks again.
     *
     * @param target a target whose probes have all completed
     */
    public void release(Target target) {
        closeAll(remove(key -> key.target() == target));
    }

    /** Closes every computed value that is {@link AutoCloseable}, ignoring failures. */
    @Override
    public void close() {
        closeAll(remove(key -> true));
    }

    /** Removes the matching values one by one: a value released and closed at once is closed once. */
    private List<CompletableFuture<Object>> remove(Predicate<Key> matching) {
        List<CompletableFuture<Object>> removed = new ArrayList<>();
        for (Key key : values.keySet()) {
            CompletableFuture<Object> value = matching.test(key) ? values.remove(key) : null;
            if (value != null) {
                removed.add(value);
            }
        }
        return removed;
    }

    private static void closeAll(List<CompletableFuture<Object>> futures) {
        for (CompletableFuture<Object> future : futures) {
            if (!future.isDone() || future.isCompletedExceptionally()) {
                continue;
            }
            if (future.join() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // Best effort: the run is over.
                }
            }
        }
    }

    /**
     * Targets compare by identity: two equal-looking targets in one run are still two targets. A
     * run-wide value has no target.
     */
    private record Key(Target target, SharedKey<?> name) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.target == target && k.name.equals(name);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(target) * 31 + name.hashCode();
        }
    }

    /** Marks a computation whose probe was cancelled, so that a waiter computes the value itself. */
    private static final class Abandoned extends Exception {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super(null, null, false, false);
        }
    }
}
