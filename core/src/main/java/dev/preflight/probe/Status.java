package dev.preflight.probe;

/**
 * The verdict of one probe on one target.
 *
 * <p>FAIL and ERROR differ on purpose: FAIL means the probe looked and the target is non-compliant
 * (including a malformed record or header from the target); ERROR means the probe could not tell
 * (timeout, unreachable, the probe itself crashed). {@link #severity()} orders them for aggregation.
 *
 * <pre>{@code
 * if (result.status().isProblem(strict)) { ... }
 * }</pre>
 *
 * @since 0.1
 */
public enum Status {
    /** Looked, and the target complies. */
    PASS(1),
    /** Looked; the target works but falls short of good practice. */
    WARN(2),
    /** Looked, and the target is non-compliant. */
    FAIL(4),
    /** Could not tell: timeout, unreachable target, or the probe crashed. */
    ERROR(3),
    /** Not applicable or not configured; the result's summary says why. */
    SKIP(0);

    private final int severity;

    Status(int severity) {
        this.severity = severity;
    }

    /**
     * How bad this status is when statuses are folded into one: FAIL, then ERROR, WARN, PASS, SKIP.
     *
     * @return a number where larger is worse
     */
    public int severity() {
        return severity;
    }

    /**
     * Whether this status makes a run unsuccessful: FAIL and ERROR always, WARN when {@code strict}.
     *
     * @param strict whether warnings count as problems
     * @return true if the status should turn the run red
     */
    public boolean isProblem(boolean strict) {
        return this == FAIL || this == ERROR || (strict && this == WARN);
    }

    /**
     * The lower-case name used in reports.
     *
     * @return e.g. {@code "pass"}
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The worse of two statuses.
     *
     * @param other another status
     * @return this or {@code other}, whichever has the higher {@link #severity()}
     */
    public Status worst(Status other) {
        return other.severity > severity ? other : this;
    }
}
