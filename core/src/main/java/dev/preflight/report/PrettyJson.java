package dev.preflight.report;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Builds JSON text indented by two spaces, one member or element a line. Callers keep the nesting
 * right; this class only places commas, line breaks and indentation.
 */
final class PrettyJson {
    private final StringBuilder out = new StringBuilder();
    /** One entry per open object or array: whether it is still empty. */
    private final Deque<Boolean> open = new ArrayDeque<>();
    private boolean afterName;

    PrettyJson beginObject() {
        return begin('{');
    }

    PrettyJson endObject() {
        return end('}');
    }

    PrettyJson beginArray() {
        return begin('[');
    }

    PrettyJson endArray() {
        return end(']');
    }

    PrettyJson name(String name) {
        separate();
        out.append(JsonStrings.quote(name)).append(": ");
        afterName = true;
        return this;
    }

    PrettyJson value(String text) {
        return literal(text == null ? "null" : JsonStrings.quote(text));
    }

    PrettyJson value(long n) {
        return literal(Long.toString(n));
    }

    PrettyJson value(boolean b) {
        return literal(Boolean.toString(b));
    }

    PrettyJson nullValue() {
        return literal("null");
    }

    /** @param literal a complete JSON literal, e.g. a number from {@link JsonStrings#number} */
    PrettyJson literal(String literal) {
        separate();
        out.append(literal);
        return this;
    }

    private PrettyJson begin(char bracket) {
        separate();
        out.append(bracket);
        open.push(true);
        return this;
    }

    private PrettyJson end(char bracket) {
        boolean empty = open.pop();
        if (!empty) {
            newline();
        }
        out.append(bracket);
        return this;
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (open.isEmpty()) {
            return;
        }
        if (!open.pop()) {
            out.append(',');
        }
        open.push(false);
        newline();
    }

    private void newline() {
        out.append('\n').append("  ".repeat(open.size()));
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
