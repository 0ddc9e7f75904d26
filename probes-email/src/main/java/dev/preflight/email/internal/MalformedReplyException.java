package dev.preflight.email.internal;

import java.io.IOException;

/**
 * The server answered, but not in SMTP: another service on the port, a line without a reply code, a
 * reply longer than any server sends. A verdict on the target (FAIL), not a failure to reach it.
 */
public final class MalformedReplyException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedReplyException(String reason) {
        super(reason);
    }
}
