package dev.preflight.http.internal;

/**
 * Text that is not JSON, with the first place it goes wrong: "expected ':' after the member name,
 * found '1' at offset 12". Offsets count from 0: bytes in a body, characters in a condition's text.
 */
public final class MalformedJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int offset;

    /**
     * @param reason what is wrong, e.g. {@code unterminated string}
     * @param offset where, counting from 0
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

    /** @return where it goes wrong, counting from 0 */
    public int offset() {
        return offset;
    }
}
