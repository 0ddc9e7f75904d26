package dev.preflight.db.postgres.internal;

import java.nio.charset.StandardCharsets;

/**
 * The fields of an ErrorResponse that name what went wrong: its SQLSTATE ({@code C}) and message
 * ({@code M}).
 *
 * @param code e.g. {@code 28000}, or empty
 * @param message the server's words, or empty
 */
public record ErrorFields(String code, String message) {

    /**
     * @param payload the message after its type and length: fields of a type byte and a
     *     NUL-terminated text, then a NUL
     * @return the fields found; a truncated payload gives what it holds
     */
    static ErrorFields parse(byte[] payload) {
        String code = "";
        String message = "";
        int i = 0;
        while (i < payload.length && payload[i] != 0) {
            byte field = payload[i++];
            int end = i;
            while (end < payload.length && payload[end] != 0) {
                end++;
            }
            String value = new String(payload, i, end - i, StandardCharsets.UTF_8);
            if (field == 'C') {
                code = value;
            } else if (field == 'M') {
                message = value;
            }
            i = end + 1;
        }
        return new ErrorFields(code, message);
    }
}
