package dev.preflight.probe;

import dev.preflight.support.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * Everything a probe gets for one check: the target and its settings, the deadline, a clock, a
 * redactor and the shared network facilities.
 *
 * <p>Not intended to be implemented by clients: the runner provides one per check, and probe authors
 * get one for tests from the test kit. Each instance belongs to one check on one thread.
 *
 * <pre>{@code
 * Socket socket = new Socket();
 * context.onCancel(socket);
 * socket.connect(address, (int) context.remaining().toMillis());
 * }</pre>
 *
 * @since 0.1
 */
public interface ProbeContext {

    /** @return the target being checked */
    Target target();

    /** @return the target's settings, read relative to this probe's id */
    ProbeSettings settings();

    /**
     * The instant by which the probe must have returned; pass it (or {@link #remaining()}) to every
     * client the probe uses. Measured on the system clock, not on {@link #clock()}.
     *
     * @return the deadline
     */
    Instant deadline();

    /**
     * This context with an earlier deadline, for a step that must leave time for what follows it: a
     * probe that waits for a shared page but must still judge a certificate if the page never comes.
     * Everything else (target, settings, cancellation, shared values) is this context's.
     *
     * <pre>{@code
     * ProbeContext early = context.withDeadline(context.deadline().minusSeconds(2));
     * }</pre>
     *
     * @param deadline the earlier deadline; a later one than this context's is ignored
     * @return the context for the step
     * @since 0.2
     */
    ProbeContext withDeadline(Instant deadline);

    /**
     * Time left until {@link #deadline()}, never negative.
     *
     * @return the remaining time, e.g. for a socket or HTTP call timeout
     */
    Duration remaining();

    /**
     * The clock to judge dates with (certificate expiry, backup age, waiver expiry). Tests fix it.
     *
     * @return the clock
     */
    Clock clock();

    /**
     * The run's redactor, which knows every secret of the configuration. A probe does not need it for
     * what it returns: the runner redacts every text of every result (summary, remediation, subject,
     * details) before any report, listener or test sees it. Use it for text that leaves the check
     * another way, such as an exception message a probe logs or sends on.
     *
     * @return the redactor
     */
    Redactor redactor();

    /**
     * The run's raw network settings. Probes rarely need them: {@code dev.preflight.net.Network} (module
     * {@code preflight-net}) gives resolvers, sockets, TLS inspection and HTTP clients that honour them.
     *
     * @return host overrides, DNS server and extra trusted CAs
     */
    NetworkSettings network();

    /**
     * Whether this probe may write or send. The runner never calls a writing probe whose id the run
     * did not name, and the test kit gives no context for one, so a probe need not ask: this is
     * {@link Probe#writes()} of the probe being run.
     *
     * @return whether side effects are allowed in this check
     * @deprecated the runner alone gates writing probes; a check that runs may do what its
     *     {@link Probe#writes()} declares. To be removed before 1.0.
     */
    @Deprecated(since = "0.2", forRemoval = true)
    boolean writesAllowed();

    /**
     * Registers something to close if the check is cancelled at its deadline, such as a socket the
     * probe is blocked on. Closed resources make blocked I/O return promptly.
     *
     * @param resource what to close on cancellation
     */
    void onCancel(AutoCloseable resource);

    /**
     * A value computed once and shared by every probe that asks for it under an equal key: one
     * handshake or one page fetch serves all of a site's probes ({@link SharedKey.Scope#TARGET}), one
     * DNS answer every target of the run ({@link SharedKey.Scope#RUN}). The first caller runs
     * {@code loader} on its own thread and deadline; the others wait, each up to its own deadline. A
     * failure is shared like a value. A target's values are dropped when its last probe is done, a
     * run's when the run ends; those that are {@link AutoCloseable} are closed then.
     *
     * <pre>{@code
     * Page page = context.shared(SharedKey.perTarget("acme.page:" + url, Page.class), () -> fetch(url));
     * }</pre>
     *
     * @param key names the value, its type and how widely it is shared
     * @param loader computes the value when no probe has yet
     * @param <T> the value's type
     * @return the value
     * @throws Exception what {@code loader} threw, or {@link java.util.concurrent.TimeoutException} if
     *     the deadline passed while waiting for another probe's computation
     * @since 0.2
     */
    <T> T shared(SharedKey<T> key, Callable<? extends T> loader) throws Exception;
}
