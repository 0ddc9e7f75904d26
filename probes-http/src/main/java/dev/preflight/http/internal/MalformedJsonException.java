package dev.preflight.http.internal;

/**
 * Text that is not JSON, with the first place it goes wrong: "expected ':' after the name at offset
 * 12". Offsets count characters from 0 (for invalid UTF-8, the characters decoded before it).
 */
public final class MalformedJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int offset;

    /**
     * @param reason what is wrong, e.g. {@code unterminated string}
     * @param offset where, counting characters from 0
     */
    public MalformedJsonException(String reason, int offset) {
        super(reason + " at offset " + offset);
        this.reason = reason;
        this.offset = offset;
    }

    /** @return what is wrong, without the offset */
    public String reason() {
        return reason;
    }

    /** @return where it goes wrong, counting characters from 0 */
    public int offset() {
        return offset;
    }
}
