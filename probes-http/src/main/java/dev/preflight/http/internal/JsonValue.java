package dev.preflight.http.internal;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSON value as {@link JsonReader} reads it (RFC 8259): an object with its members in order, an
 * array, a string, a number kept exactly as a {@link BigDecimal}, a boolean or null. Immutable.
 */
public sealed interface JsonValue {

    /**
     * Equality as a condition means it: numbers by value ({@code 1 == 1.0}), everything else
     * structurally.
     *
     * @param other another value
     * @return whether the two are the same JSON value
     */
    default boolean sameAs(JsonValue other) {
        if (this instanceof JsonNumber a && other instanceof JsonNumber b) {
            return a.value().compareTo(b.value()) == 0;
        }
        return equals(other);
    }

    /** @return whether this is a string, number, boolean or null rather than an object or array */
    default boolean isScalar() {
        return !(this instanceof JsonObject) && !(this instanceof JsonArray);
    }

    /**
     * @param maxChars the most characters to return
     * @return the value as compact JSON text, cut with {@code …} past {@code maxChars}
     */
    default String render(int maxChars) {
        StringBuilder out = new StringBuilder();
        render(this, out, maxChars + 1);
        return Shorten.to(out, maxChars);
    }

    private static void render(JsonValue value, StringBuilder out, int limit) {
        if (out.length() > limit) {
            return;
        }
        if (value instanceof JsonObject o) {
            out.append('{');
            Iterator<Map.Entry<String, JsonValue>> members = o.members().entrySet().iterator();
            while (members.hasNext() && out.length() <= limit) {
                Map.Entry<String, JsonValue> m = members.next();
                quote(m.getKey(), out);
                out.append(':');
                render(m.getValue(), out, limit);
                out.append(members.hasNext() ? "," : "");
            }
            out.append('}');
        } else if (value instanceof JsonArray a) {
            out.append('[');
            for (int i = 0; i < a.elements().size() && out.length() <= limit; i++) {
                render(a.elements().get(i), out, limit);
                out.append(i + 1 < a.elements().size() ? "," : "");
            }
            out.append(']');
        } else if (value instanceof JsonString s) {
            quote(s.value(), out);
        } else if (value instanceof JsonNumber n) {
            out.append(n.value().toString());
        } else if (value instanceof JsonBoolean b) {
            out.append(b.value());
        } else {
            out.append("null");
        }
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * An object.
     *
     * @param members the members in document order; names are unique
     */
    record JsonObject(Map<String, JsonValue> members) implements JsonValue {
        /** Keeps the members as given: the reader hands over an ordered map it no longer touches. */
        public JsonObject {
            members = java.util.Collections.unmodifiableMap(members);
        }
    }

    /**
     * An array.
     *
     * @param elements the elements in order
     */
    record JsonArray(List<JsonValue> elements) implements JsonValue {
        /** Copies the elements. */
        public JsonArray {
            elements = List.copyOf(elements);
        }
    }

    /**
     * A string.
     *
     * @param value the text, escapes undone
     */
    record JsonString(String value) implements JsonValue {
    }

    /**
     * A number.
     *
     * @param value the exact value
     */
    record JsonNumber(BigDecimal value) implements JsonValue {
    }

    /**
     * {@code true} or {@code false}.
     *
     * @param value the boolean
     */
    record JsonBoolean(boolean value) implements JsonValue {
    }

    /** {@code null}. */
    enum JsonNull implements JsonValue {
        /** The one null. */
        INSTANCE
    }
}
