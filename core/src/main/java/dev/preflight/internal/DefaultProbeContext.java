package dev.preflight.internal;

import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.ProbeSettings;
import dev.preflight.probe.SharedKey;
import dev.preflight.probe.Target;
import dev.preflight.support.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** The context the runner hands to one check. */
public final class DefaultProbeContext implements ProbeContext {
    private final Target target;
    private final ProbeSettings settings;
    private final Instant deadline;
    private final Clock clock;
    private final Redactor redactor;
    private final NetworkSettings network;
    private final boolean writesAllowed;
    private final Consumer<AutoCloseable> cancelHooks;
    private final SharedValues shared;
    private final SharedValues.Waiter waiter;

    /**
     * @param probeId the probe being run, for scoping settings
     * @param target the target
     * @param deadline the deadline on the system clock
     * @param clock the run's clock
     * @param redactor the run's redactor
     * @param network shared network settings
     * @param writesAllowed whether the probe may write: its {@code writes()}, since only a named writer is run
     * @param cancelHooks receives resources to close on cancellation
     * @param shared the run's shared values
     * @param waiter told when the probe waits for a value another probe is computing
     */
    public DefaultProbeContext(String probeId, Target target, Instant deadline, Clock clock, Redactor redactor,
            NetworkSettings network, boolean writesAllowed, Consumer<AutoCloseable> cancelHooks,
            SharedValues shared, SharedValues.Waiter waiter) {
        this(target, new ProbeSettings(probeId, target.settings()), deadline, clock, redactor, network, writesAllowed,
                cancelHooks, shared, waiter);
    }

    private DefaultProbeContext(Target target, ProbeSettings settings, Instant deadline, Clock clock, Redactor redactor,
            NetworkSettings network, boolean writesAllowed, Consumer<AutoCloseable> cancelHooks,
            SharedValues shared, SharedValues.Waiter waiter) {
        this.target = target;
        this.settings = settings;
        this.deadline = deadline;
        this.clock = clock;
        this.redactor = redactor;
        this.network = network;
        this.writesAllowed = writesAllowed;
        this.cancelHooks = cancelHooks;
        this.shared = shared;
        this.waiter = waiter;
    }

    @Override
    public Target target() {
        return target;
    }

    @Override
    public ProbeSettings settings() {
        return settings;
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    @Override
    public ProbeContext withDeadline(Instant earlier) {
        Instant sooner = earlier.isBefore(deadline) ? earlier : deadline;
        return new DefaultProbeContext(target, settings, sooner, clock, redactor, network, writesAllowed, cancelHooks,
                shared, waiter);
    }

    @Override
    public Duration remaining() {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Redactor redactor() {
        return redactor;
    }

    @Override
    public NetworkSettings network() {
        return network;
    }

    @Override
    @Deprecated(since = "0.2", forRemoval = true)
    public boolean writesAllowed() {
        return writesAllowed;
    }

    @Override
    public void onCancel(AutoCloseable resource) {
        cancelHooks.accept(resource);
    }

    @Override
    public <T> T shared(SharedKey<T> key, Callable<? extends T> loader) throws Exception {
        return shared.get(target, key, loader, deadline, waiter);
    }
}
