package dev.preflight.http.internal;

import dev.preflight.http.internal.JsonValue.JsonArray;
import dev.preflight.http.internal.JsonValue.JsonBoolean;
import dev.preflight.http.internal.JsonValue.JsonNull;
import dev.preflight.http.internal.JsonValue.JsonNumber;
import dev.preflight.http.internal.JsonValue.JsonObject;
import dev.preflight.http.internal.JsonValue.JsonString;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A strict JSON reader (RFC 8259) for what a target answers: UTF-8 only, no comments, no trailing
 * commas, no single quotes, no leading zeros, no unescaped control characters, nothing after the
 * value. A leading byte order mark is ignored, as section 8.1 allows. Duplicate member names are
 * refused: section 4 leaves their meaning open, and a condition on an ambiguous document proves
 * nothing. Input is limited to {@value #MAX_BYTES} bytes, {@value #MAX_DEPTH} levels of nesting and
 * numbers of {@value #MAX_NUMBER_CHARS} characters, so a hostile body costs little. Stateless.
 */
public final class JsonReader {
    /** The largest document read. */
    public static final int MAX_BYTES = 256 * 1024;
    /** The deepest nesting of objects and arrays read. */
    public static final int MAX_DEPTH = 64;
    /** The longest number read. */
    public static final int MAX_NUMBER_CHARS = 256;

    private final String text;
    private int pos;

    private JsonReader(String text, int pos) {
        this.text = text;
        this.pos = pos;
    }

    /**
     * @param utf8 a document in UTF-8
     * @return its value
     * @throws MalformedJsonException if it is not one JSON value, or is over a limit
     */
    public static JsonValue read(byte[] utf8) throws MalformedJsonException {
        if (utf8.length > MAX_BYTES) {
            throw new MalformedJsonException("larger than " + MAX_BYTES + " bytes", 0);
        }
        String text = decode(utf8);
        return read(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /**
     * @param text a document
     * @return its value
     * @throws MalformedJsonException if it is not exactly one JSON value
     */
    public static JsonValue read(String text) throws MalformedJsonException {
        JsonReader reader = new JsonReader(text, 0);
        reader.skipWhitespace();
        if (reader.atEnd()) {
            throw new MalformedJsonException(text.isEmpty() ? "empty" : "only whitespace", reader.pos);
        }
        JsonValue value = reader.value(0);
        reader.skipWhitespace();
        if (!reader.atEnd()) {
            throw reader.malformed("unexpected " + describe(reader.peek()) + " after the value");
        }
        return value;
    }

    /**
     * One value embedded in other text, such as a literal in a condition.
     *
     * @param value the value read
     * @param end the offset just after it
     */
    record Prefix(JsonValue value, int end) {
    }

    /**
     * @param text text holding a value at {@code offset}, after optional whitespace
     * @param offset where to start
     * @return the value and where it ends; what follows is the caller's
     * @throws MalformedJsonException if no value starts there
     */
    static Prefix readPrefix(String text, int offset) throws MalformedJsonException {
        JsonReader reader = new JsonReader(text, offset);
        reader.skipWhitespace();
        if (reader.atEnd()) {
            throw reader.malformed("expected a value, found the end");
        }
        JsonValue value = reader.value(0);
        return new Prefix(value, reader.pos);
    }

    private static String decode(byte[] utf8) throws MalformedJsonException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(utf8);
        CharBuffer out = CharBuffer.allocate(utf8.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new MalformedJsonException("invalid UTF-8 (byte " + in.position() + ")", out.position());
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw new MalformedJsonException("invalid UTF-8 at the end", out.position());
        }
        return out.flip().toString();
    }

    private JsonValue value(int depth) throws MalformedJsonException {
        if (atEnd()) {
            throw malformed("expected a value, found the end");
        }
        char c = peek();
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> new JsonString(string());
            case 't' -> word("true", new JsonBoolean(true));
            case 'f' -> word("false", new JsonBoolean(false));
            case 'n' -> word("null", JsonNull.INSTANCE);
            default -> {
                if (c == '-' || c >= '0' && c <= '9') {
                    yield number();
                }
                throw malformed("unexpected " + describe(c) + ", expected a value");
            }
        };
    }

    private JsonObject object(int depth) throws MalformedJsonException {
        tooDeep(depth);
        pos++;
        Map<String, JsonValue> members = new LinkedHashMap<>();
        skipWhitespace();
        if (!atEnd() && peek() == '}') {
            pos++;
            return new JsonObject(members);
        }
        while (true) {
            skipWhitespace();
            if (atEnd() || peek() != '"') {
                throw malformed(atEnd() ? "unterminated object" : "expected a member name in double quotes, found "
                        + describe(peek()));
            }
            int nameAt = pos;
            String name = string();
            if (members.containsKey(name)) {
                pos = nameAt;
                throw malformed("duplicate member name " + new JsonString(name).render(60));
            }
            skipWhitespace();
            expect(':', "after the member name");
            skipWhitespace();
            members.put(name, value(depth));
            skipWhitespace();
            if (atEnd()) {
                throw malformed("unterminated object");
            }
            char c = peek();
            pos++;
            if (c == '}') {
                return new JsonObject(members);
            }
            if (c != ',') {
                pos--;
                throw malformed("expected ',' or '}' after a member, found " + describe(c));
            }
        }
    }

    private JsonArray array(int depth) throws MalformedJsonException {
        tooDeep(depth);
        pos++;
        List<JsonValue> elements = new ArrayList<>();
        skipWhitespace();
        if (!atEnd() && peek() == ']') {
            pos++;
            return new JsonArray(elements);
        }
        while (true) {
            skipWhitespace();
            if (atEnd()) {
                throw malformed("unterminated array");
            }
            elements.add(value(depth));
            skipWhitespace();
            if (atEnd()) {
                throw malformed("unterminated array");
            }
            char c = peek();
            pos++;
            if (c == ']') {
                return new JsonArray(elements);
            }
            if (c != ',') {
                pos--;
                throw malformed("expected ',' or ']' after an element, found " + describe(c));
            }
        }
    }

    private void tooDeep(int depth) throws MalformedJsonException {
        if (depth > MAX_DEPTH) {
            throw malformed("nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private String string() throws MalformedJsonException {
        int start = pos;
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (atEnd()) {
                pos = start;
                throw malformed("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c < 0x20) {
                throw malformed("unescaped control character " + describe(c) + " in a string");
            }
            if (c == '\\') {
                out.append(escape());
            } else {
                out.append(c);
                pos++;
            }
        }
    }

    private char escape() throws MalformedJsonException {
        if (pos + 1 >= text.length()) {
            throw malformed("unterminated escape");
        }
        char c = text.charAt(pos + 1);
        pos += 2;
        return switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicode();
            default -> {
                pos -= 2;
                throw malformed("invalid escape \\" + (c < 0x20 || c > 0x7e ? describe(c) : String.valueOf(c)));
            }
        };
    }

    private char unicode() throws MalformedJsonException {
        if (pos + 4 > text.length()) {
            pos -= 2;
            throw malformed("\\u needs four hex digits");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos + i), 16);
            if (digit < 0 || text.charAt(pos + i) > 0x7f) {
                pos -= 2;
                throw malformed("\\u needs four hex digits");
            }
            code = code * 16 + digit;
        }
        pos += 4;
        return (char) code;
    }

    private JsonNumber number() throws MalformedJsonException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (atEnd() || !isDigit(peek())) {
            throw malformed("expected a digit");
        }
        if (peek() == '0') {
            pos++;
            if (!atEnd() && isDigit(peek())) {
                pos--;
                throw malformed("number with a leading zero");
            }
        } else {
            digits();
        }
        if (!atEnd() && peek() == '.') {
            pos++;
            if (atEnd() || !isDigit(peek())) {
                throw malformed("expected a digit after the decimal point");
            }
            digits();
        }
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            pos++;
            if (!atEnd() && (peek() == '+' || peek() == '-')) {
                pos++;
            }
            if (atEnd() || !isDigit(peek())) {
                throw malformed("expected a digit in the exponent");
            }
            digits();
        }
        if (pos - start > MAX_NUMBER_CHARS) {
            pos = start;
            throw malformed("number longer than " + MAX_NUMBER_CHARS + " characters");
        }
        try {
            return new JsonNumber(new BigDecimal(text.substring(start, pos)));
        } catch (NumberFormatException e) {
            pos = start;
            throw malformed("number out of range");
        }
    }

    private void digits() {
        while (!atEnd() && isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private JsonValue word(String word, JsonValue value) throws MalformedJsonException {
        if (!text.startsWith(word, pos)) {
            int end = pos;
            while (end < text.length() && end - pos < 20 && Character.isLetterOrDigit(text.charAt(end))) {
                end++;
            }
            throw malformed("unexpected word '" + text.substring(pos, Math.max(end, pos + 1)) + "', expected a value");
        }
        pos += word.length();
        return value;
    }

    private void expect(char c, String where) throws MalformedJsonException {
        if (atEnd()) {
            throw malformed("expected '" + c + "' " + where + ", found the end");
        }
        if (peek() != c) {
            throw malformed("expected '" + c + "' " + where + ", found " + describe(peek()));
        }
        pos++;
    }

    private void skipWhitespace() {
        while (!atEnd()) {
            char c = peek();
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private MalformedJsonException malformed(String reason) {
        return new MalformedJsonException(reason, pos);
    }

    /** A character as a reader would want it shown: printable ASCII quoted, anything else as U+XXXX. */
    static String describe(char c) {
        return c > 0x20 && c < 0x7f ? "'" + c + "'" : String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
