package dev.preflight.net;

import java.io.InterruptedIOException;

/**
 * The probe's deadline came before an answer: from a DNS server, a socket, a TLS handshake or an
 * HTTP call made through {@link Network}. It says nothing certain about the target (a slow server
 * and a short deadline look alike), so a probe reports it as ERROR, never as FAIL, and a value
 * shared between probes is computed again by a probe with time left rather than shared as a
 * failure.
 *
 * @since 0.2
 */
public final class DeadlineExceededException extends InterruptedIOException {
    private static final long serialVersionUID = 1L;

    /** @param message what had no answer, e.g. {@code the DNS server 10.0.0.2:53 did not answer A shop.example.com} */
    public DeadlineExceededException(String message) {
        super(message);
    }
}
