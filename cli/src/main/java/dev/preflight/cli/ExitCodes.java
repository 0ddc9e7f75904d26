package dev.preflight.cli;

/** The process exit codes: public API, documented in the README. */
final class ExitCodes {
    /** No FAIL or ERROR (with --strict, no WARN either). */
    static final int OK = 0;
    /** Some FAIL or ERROR (or WARN with --strict). */
    static final int PROBLEMS = 1;
    /** Usage or configuration error. */
    static final int USAGE = 2;
    /** Preflight itself failed: a bug. */
    static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
