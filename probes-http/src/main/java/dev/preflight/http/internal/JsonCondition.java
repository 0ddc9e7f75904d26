package dev.preflight.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * A condition on a JSON document, as a user writes it in a setting: a {@link JsonPath}, an operator
 * and JSON literals.
 *
 * <pre>
 * status == "healthy"
 * checks.db.status != "DOWN"
 * status in ["UP", "ok"]
 * ready == true
 * </pre>
 *
 * <p>Literals are JSON scalars: strings in double quotes with JSON escapes, numbers (compared by
 * value, so {@code 1 == 1.0}), {@code true}, {@code false}, {@code null}. A path that leads nowhere
 * fails the condition whatever the operator: a health document without the field is not healthy.
 * Nothing is executed and nothing else is accepted: this is a comparison, not a language. Immutable.
 */
public final class JsonCondition {

    /** How the value at the path is compared with the literals. */
    public enum Operator {
        /** Same value. */
        EQUALS("=="),
        /** Present, and not the same value. */
        NOT_EQUALS("!="),
        /** The same value as one of a list. */
        IN("in");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** @return as written, e.g. {@code ==} */
        public String symbol() {
            return symbol;
        }
    }

    /**
     * What a document made of the condition.
     *
     * @param holds whether the condition is met
     * @param found the value at the path, or empty if there is none
     */
    public record Evaluation(boolean holds, Optional<JsonNode> found) {
    }

    private final String text;
    private final JsonPath path;
    private final Operator operator;
    private final List<JsonNode> literals;

    private JsonCondition(String text, JsonPath path, Operator operator, List<JsonNode> literals) {
        this.text = text;
        this.path = path;
        this.operator = operator;
        this.literals = List.copyOf(literals);
    }

    /**
     * @param text the condition as written
     * @return the parsed condition
     * @throws InvalidConditionException naming the problem and its column
     */
    public static JsonCondition parse(String text) throws InvalidConditionException {
        int pos = skipSpace(text, 0);
        if (pos == text.length()) {
            throw new InvalidConditionException("empty condition; write one such as status == \"UP\"", pos);
        }
        JsonPath.Parsed path = JsonPath.parse(text, pos);
        pos = skipSpace(text, path.end());
        Operator operator = operator(text, pos);
        pos = skipSpace(text, pos + operator.symbol().length());
        JsonReader.Prefix literal = operator == Operator.IN ? list(text, pos) : literal(text, pos);
        List<JsonNode> literals = literal.value().isArray() ? literal.value().valueStream().toList()
                : List.of(literal.value());
        pos = skipSpace(text, literal.end());
        if (pos < text.length()) {
            throw new InvalidConditionException("unexpected " + JacksonErrors.character(text.charAt(pos))
                    + " after the condition (one comparison only)", pos);
        }
        return new JsonCondition(text.strip(), path.path(), operator, literals);
    }

    private static Operator operator(String text, int pos) throws InvalidConditionException {
        if (text.startsWith("==", pos)) {
            return Operator.EQUALS;
        }
        if (text.startsWith("!=", pos)) {
            return Operator.NOT_EQUALS;
        }
        if (text.startsWith("in", pos) && (pos + 2 == text.length() || Character.isWhitespace(text.charAt(pos + 2))
                || text.charAt(pos + 2) == '[')) {
            return Operator.IN;
        }
        if (pos < text.length() && text.charAt(pos) == '=') {
            throw new InvalidConditionException("use '==' to compare", pos);
        }
        throw new InvalidConditionException("expected '==', '!=' or 'in' after the path, found "
                + (pos < text.length() ? JacksonErrors.character(text.charAt(pos)) : "the end"), pos);
    }

    private static JsonReader.Prefix literal(String text, int pos) throws InvalidConditionException {
        JsonReader.Prefix literal = value(text, pos, "a value");
        if (!literal.value().isValueNode()) {
            throw new InvalidConditionException("expected a string, number, true, false or null, not "
                    + (literal.value().isArray() ? "a list (use 'in' for lists)" : "an object"), pos);
        }
        return literal;
    }

    private static JsonReader.Prefix list(String text, int pos) throws InvalidConditionException {
        if (pos >= text.length() || text.charAt(pos) != '[') {
            throw new InvalidConditionException("expected a list such as [\"UP\", \"ok\"] after 'in'", pos);
        }
        JsonReader.Prefix list = value(text, pos, "a list");
        if (list.value().isEmpty()) {
            throw new InvalidConditionException("empty list: nothing could match", pos);
        }
        if (!list.value().valueStream().allMatch(JsonNode::isValueNode)) {
            throw new InvalidConditionException("the list may hold only strings, numbers, true, false and null", pos);
        }
        return list;
    }

    private static JsonReader.Prefix value(String text, int pos, String what) throws InvalidConditionException {
        if (pos < text.length() && text.charAt(pos) == '\'') {
            throw new InvalidConditionException("strings take double quotes", pos);
        }
        try {
            return JsonReader.readPrefix(text, pos);
        } catch (MalformedJsonException e) {
            // Nothing value-like where the literal should start: say what a literal is, not what JSON wants.
            if (e.offset() == pos && (e.reason().startsWith("unexpected") || e.reason().startsWith("expected a value"))) {
                throw new InvalidConditionException("expected " + what + ": a string in double quotes, a number, true,"
                        + " false or null, found " + (pos < text.length() ? JacksonErrors.character(text.charAt(pos))
                        : "the end"), pos);
            }
            throw new InvalidConditionException(e.reason(), e.offset());
        }
    }

    private static int skipSpace(String text, int pos) {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    /**
     * @param document a JSON document
     * @return whether it meets the condition, and the value found at the path
     */
    public Evaluation test(JsonNode document) {
        Optional<JsonNode> found = path.find(document);
        if (found.isEmpty()) {
            return new Evaluation(false, found);
        }
        boolean matches = literals.stream().anyMatch(literal -> same(found.get(), literal));
        return new Evaluation(operator == Operator.NOT_EQUALS ? !matches : matches, found);
    }

    /** Numbers by value ({@code 1 == 1.0}), as JSON means them; everything else as Jackson compares nodes. */
    private static boolean same(JsonNode value, JsonNode literal) {
        if (value.isNumber() && literal.isNumber()) {
            return value.decimalValue().compareTo(literal.decimalValue()) == 0;
        }
        return value.equals(literal);
    }

    /** @return the path the condition reads */
    public JsonPath path() {
        return path;
    }

    /** @return the condition as written, trimmed */
    @Override
    public String toString() {
        return text;
    }
}
