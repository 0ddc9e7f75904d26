package dev.preflight.payments.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.function.UnaryOperator;

/**
 * Rebuilds a client's exception without its cause: okhttp's messages may quote URLs and headers,
 * and a cause would carry them, unscrubbed, to whoever prints the stack trace.
 */
final class ScrubbedFailure {

    private ScrubbedFailure() {
    }

    /**
     * @param e what the client threw
     * @param what what failed, e.g. {@code Stripe API at https://api.stripe.com:443 did not answer}
     * @param scrub removes every secret from the finished message
     * @return an exception of the same kind (a timeout stays an {@link InterruptedIOException}) with
     *     the scrubbed message and the original stack trace
     */
    static IOException of(IOException e, String what, UnaryOperator<String> scrub) {
        String text = scrub.apply(what + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        IOException copy = e instanceof InterruptedIOException ? new InterruptedIOException(text) : new IOException(text);
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }
}
