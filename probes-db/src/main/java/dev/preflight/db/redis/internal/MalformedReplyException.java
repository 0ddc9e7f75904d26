package dev.preflight.db.redis.internal;

import java.io.IOException;

/**
 * The target answered, but not in Redis's protocol (RESP): another service on the port, or a proxy
 * speaking something else. A verdict on the target (FAIL), not a failure to reach it.
 */
public final class MalformedReplyException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedReplyException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
