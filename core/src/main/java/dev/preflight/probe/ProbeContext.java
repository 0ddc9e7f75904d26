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

    /** @return the run's redactor, which knows every secret of the configuration */
    Redactor redactor();

    /** @return host overrides, DNS server and extra trusted CAs */
    NetworkSettings network();

    /**
     * Whether this probe may write or send: true only for a probe whose {@link Probe#writes()} is true
     * and whose id the user named explicitly.
     *
     * @return whether side effects are allowed in this check
     */
    boolean writesAllowed();

    /**
     * Registers something to close if the check is cancelled at its deadline, such as a socket the
     * probe is blocked on. Closed resources make blocked I/O return promptly.
     *
     * @param resource what to close on cancellation
     */
    void onCancel(AutoCloseable resource);

    /**
     * A value computed once for this target in this run and shared by every probe that asks for it
     * under the same name: one handshake or one page fetch serves all of a site's probes. The first
     * caller runs {@code loader} on its own thread and deadline; the others wait, each up to its own
     * deadline. A failure is shared like a value. Values that are {@link AutoCloseable} are closed
     * when the run ends. Name values after the probe family that owns them, e.g.
     * {@code "http.page:GET https://shop.example.com/@127.0.0.1"}.
     *
     * <pre>{@code
     * Page page = context.shared("http.page:" + url, Page.class, () -> fetch(url, context));
     * }</pre>
     *
     * @param name the value's name
     * @param type the value's type
     * @param loader computes the value when no probe has yet
     * @param <T> the value's type
     * @return the value
     * @throws Exception what {@code loader} threw, or {@link java.util.concurrent.TimeoutException} if
     *     the deadline passed while waiting for another probe's computation
     * @since 0.1
     */
    <T> T shared(String name, Class<T> type, Callable<? extends T> loader) throws Exception;
}
