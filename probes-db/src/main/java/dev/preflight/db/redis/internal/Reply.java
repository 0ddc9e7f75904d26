package dev.preflight.db.redis.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What Redis answered to one command: a value (a status, bulk string, integer or array) or an error
 * reply such as {@code NOPERM …}. An error reply is an answer, not a failure of the connection: the
 * probe decides what it means. Immutable.
 */
public final class Reply {
    private final Object value;
    private final String error;

    private Reply(Object value, String error) {
        this.value = value;
        this.error = error;
    }

    static Reply value(Object value) {
        return new Reply(value, null);
    }

    static Reply error(String message) {
        return new Reply(null, message == null || message.isBlank() ? "ERR" : message.strip());
    }

    /** @return whether Redis answered with a value rather than an error */
    public boolean ok() {
        return error == null;
    }

    /**
     * @return the error code, the error's first word in upper case ({@code NOAUTH}, {@code NOPERM},
     *     {@code WRONGPASS}, {@code ERR}); empty for a value
     */
    public Optional<String> code() {
        if (error == null) {
            return Optional.empty();
        }
        int space = error.indexOf(' ');
        return Optional.of((space < 0 ? error : error.substring(0, space)).toUpperCase(Locale.ROOT));
    }

    /** @return whether this is an error reply with {@code code} */
    public boolean is(String code) {
        return code().map(code::equals).orElse(false);
    }

    /** @return the error text as Redis sent it; empty for a value */
    public Optional<String> errorText() {
        return Optional.ofNullable(error);
    }

    /** @return the value as text (a status, bulk string or integer); empty for an error, an array or nil */
    public Optional<String> text() {
        return Optional.ofNullable(asText(value));
    }

    /** @return the value as a list of elements, each as text or, when nested, as a list; empty for anything else */
    public List<Object> list() {
        return value instanceof List<?> items ? flatten(items) : List.of();
    }

    private static List<Object> flatten(List<?> items) {
        List<Object> out = new ArrayList<>();
        for (Object item : items) {
            out.add(item instanceof List<?> nested ? flatten(nested) : asText(item));
        }
        return out;
    }

    private static String asText(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof Long || value instanceof String) {
            return value.toString();
        }
        return null;
    }

    @Override
    public String toString() {
        return ok() ? "reply " + text().orElse("(array or nil)") : "error " + code().orElse("");
    }
}
