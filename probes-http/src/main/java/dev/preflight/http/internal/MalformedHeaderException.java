package dev.preflight.http.internal;

/**
 * A response header the target sent that does not follow its grammar; the message says where and
 * why, in words fit for a FAIL summary.
 */
public final class MalformedHeaderException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param reason what is wrong, e.g. {@code "max-age appears twice"} */
    public MalformedHeaderException(String reason) {
        super(reason, null, false, false);
    }
}
