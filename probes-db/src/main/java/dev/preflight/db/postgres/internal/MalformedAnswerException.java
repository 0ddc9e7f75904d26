package dev.preflight.db.postgres.internal;

import java.io.IOException;

/** The server answered something that is not PostgreSQL's protocol: a FAIL with this reason, not an ERROR. */
public final class MalformedAnswerException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param reason what was wrong, as a sentence fragment */
    public MalformedAnswerException(String reason) {
        super(reason);
    }
}
