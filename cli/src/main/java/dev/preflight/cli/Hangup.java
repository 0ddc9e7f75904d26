package dev.preflight.cli;

/**
 * Runs an action on SIGHUP, the Unix convention for "reload your configuration". Uses the JDK's
 * {@code sun.misc.Signal} (module {@code jdk.unsupported}, present in every JDK Preflight supports);
 * on a platform without SIGHUP it does nothing.
 */
final class Hangup {

    private Hangup() {
    }

    /** @param action what to do on each SIGHUP; runs on the JVM's signal thread, so keep it short */
    @SuppressWarnings("restriction")
    static void onSignal(Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> action.run());
        } catch (IllegalArgumentException e) {
            // No SIGHUP here (Windows): reload with POST /-/reload instead.
        }
    }
}
