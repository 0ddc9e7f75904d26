package dev.preflight.http.internal;

import dev.preflight.net.NetworkFailures;
import dev.preflight.probe.ProbeContext;

/**
 * What a failed fetch means while a probe asks a site many paths: the probe was cancelled (thrown),
 * the site is gone (thrown: every other path would fail the same way), the deadline came (ask
 * nothing more), or only this path got no answer (a reset, a malformed response), which says
 * nothing about the others.
 */
public enum PathFailure {
    /** The deadline came: ask nothing more. */
    DEADLINE,
    /** Only this path had no answer: go on with the others. */
    THIS_PATH;

    /**
     * @param e what the fetch threw
     * @param context the probe's context
     * @return what it means for the remaining paths
     * @throws InterruptedException if the probe was cancelled
     * @throws Exception {@code e} itself, when the site cannot be reached at all
     */
    public static PathFailure of(Exception e, ProbeContext context) throws Exception {
        if (e instanceof InterruptedException interrupted) {
            throw interrupted;
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("cancelled");
        }
        if (NetworkFailures.isUnreachable(e)) {
            throw e;
        }
        return NetworkFailures.isTimeout(e) || context.remaining().isZero() ? DEADLINE : THIS_PATH;
    }
}
