package dev.preflight.http.internal;

/**
 * One response header line as received: duplicates stay separate lines, so that a probe can tell
 * two {@code Strict-Transport-Security} headers from one.
 *
 * @param name the name as sent
 * @param value the value as sent
 */
public record HeaderField(String name, String value) {

    /**
     * @param other a header name
     * @return whether this field has that name, ignoring case
     */
    public boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }
}
