package dev.preflight.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a value sits in a JSON document: member names and array indexes, written
 * {@code checks.db.status}, {@code items[0].name} or, for a name that is not a plain word,
 * {@code checks["disk space"].status}. Plain names are letters, digits, {@code _}, {@code $} and
 * {@code -}, not starting with a digit or {@code -}. A name reads only an object's member and an
 * index only an array's element: unlike a JSON Pointer (RFC 6901), where {@code /0} is either, so
 * {@code nodes[0]} and {@code nodes["0"]} never mean the same thing. Immutable.
 */
public final class JsonPath {
    private static final int MAX_INDEX_DIGITS = 9;

    private final List<Object> steps;
    private final String text;

    private JsonPath(List<Object> steps, String text) {
        this.steps = List.copyOf(steps);
        this.text = text;
    }

    /**
     * A path parsed from inside a longer text, such as a condition.
     *
     * @param path the path
     * @param end the offset just after it
     */
    record Parsed(JsonPath path, int end) {
    }

    /**
     * @param source text holding a path at {@code offset}
     * @param offset where the path starts
     * @return the path and where it ends: at the first character that cannot continue it
     * @throws InvalidConditionException if no valid path starts there
     */
    static Parsed parse(String source, int offset) throws InvalidConditionException {
        List<Object> steps = new ArrayList<>();
        int pos = offset;
        boolean first = true;
        while (true) {
            if (pos < source.length() && source.charAt(pos) == '[') {
                pos = bracket(source, pos, steps);
            } else if (first || pos < source.length() && source.charAt(pos) == '.') {
                int start = first ? pos : pos + 1;
                int end = name(source, start);
                if (end == start) {
                    throw new InvalidConditionException(first ? "expected a path such as status or checks.db.status"
                            : "expected a name after '.'", start);
                }
                steps.add(source.substring(start, end));
                pos = end;
            } else {
                return new Parsed(new JsonPath(steps, source.substring(offset, pos)), pos);
            }
            first = false;
        }
    }

    private static int name(String source, int start) {
        int pos = start;
        while (pos < source.length()) {
            char c = source.charAt(pos);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
            boolean later = c >= '0' && c <= '9' || c == '-';
            if (!letter && !(later && pos > start)) {
                break;
            }
            pos++;
        }
        return pos;
    }

    private static int bracket(String source, int open, List<Object> steps) throws InvalidConditionException {
        int pos = open + 1;
        if (pos < source.length() && source.charAt(pos) == '"') {
            try {
                JsonReader.Prefix name = JsonReader.readPrefix(source, pos);
                steps.add(name.value().textValue());
                pos = name.end();
            } catch (MalformedJsonException e) {
                throw new InvalidConditionException(e.reason(), e.offset());
            }
        } else {
            int start = pos;
            while (pos < source.length() && source.charAt(pos) >= '0' && source.charAt(pos) <= '9') {
                pos++;
            }
            if (pos == start) {
                throw new InvalidConditionException("expected an index such as [0] or a name such as [\"disk space\"]",
                        start);
            }
            if (pos - start > MAX_INDEX_DIGITS) {
                throw new InvalidConditionException("index too large", start);
            }
            steps.add(Integer.valueOf(source.substring(start, pos)));
        }
        if (pos >= source.length() || source.charAt(pos) != ']') {
            throw new InvalidConditionException("expected ']'", pos);
        }
        return pos + 1;
    }

    /**
     * @param document a JSON document
     * @return the value at this path, or empty where a name or index is missing or the value on the
     *     way is not an object or array
     */
    public Optional<JsonNode> find(JsonNode document) {
        JsonNode at = document;
        for (Object step : steps) {
            // get(String) finds nothing in an array, get(int) nothing in an object.
            at = step instanceof String name ? at.get(name) : at.get((Integer) step);
            if (at == null) {
                return Optional.empty();
            }
        }
        return Optional.of(at);
    }

    /** @return the path as written */
    @Override
    public String toString() {
        return text;
    }
}
