package dev.preflight.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.preflight.http.internal.JsonValue.JsonArray;
import dev.preflight.http.internal.JsonValue.JsonBoolean;
import dev.preflight.http.internal.JsonValue.JsonNull;
import dev.preflight.http.internal.JsonValue.JsonNumber;
import dev.preflight.http.internal.JsonValue.JsonObject;
import dev.preflight.http.internal.JsonValue.JsonString;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonReaderTest {

    @Test
    void readsAHealthDocumentKeepingMemberOrder() throws MalformedJsonException {
        JsonValue doc = JsonReader.read(utf8(" {\"status\":\"healthy\",\"checks\":{\"db\":{\"status\":\"UP\"}},"
                + "\"ready\":true,\"took\":12.50,\"tags\":[],\"error\":null}\r\n"));

        JsonObject root = (JsonObject) doc;
        assertThat(root.members().keySet()).containsExactly("status", "checks", "ready", "took", "tags", "error");
        assertThat(root.members().get("status")).isEqualTo(new JsonString("healthy"));
        assertThat(root.members().get("ready")).isEqualTo(new JsonBoolean(true));
        assertThat(root.members().get("took")).isEqualTo(new JsonNumber(new BigDecimal("12.50")));
        assertThat(root.members().get("tags")).isEqualTo(new JsonArray(List.of()));
        assertThat(root.members().get("error")).isSameAs(JsonNull.INSTANCE);
        assertThat(doc.render(200)).isEqualTo("{\"status\":\"healthy\",\"checks\":{\"db\":{\"status\":\"UP\"}},"
                + "\"ready\":true,\"took\":12.50,\"tags\":[],\"error\":null}");
    }

    @Test
    void undoesEveryEscapeIncludingSurrogatePairs() throws MalformedJsonException {
        JsonValue value = JsonReader.read("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00\"");

        assertThat(value).isEqualTo(new JsonString("q\" b\\ s/ \b\f\n\r\t é \uD83D\uDE00"));
    }

    @Test
    void acceptsAScalarDocumentAndALeadingByteOrderMark() throws MalformedJsonException {
        assertThat(JsonReader.read(utf8("\uFEFF\"OK\""))).isEqualTo(new JsonString("OK"));
        assertThat(JsonReader.read("-0.5e+3")).isEqualTo(new JsonNumber(new BigDecimal("-0.5e+3")));
    }

    @Test
    void readsNestingUpToTheLimit() throws MalformedJsonException {
        String deepest = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);

        assertThat(JsonReader.read(deepest)).isInstanceOf(JsonArray.class);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("", "empty", 0),
                arguments("  \n", "only whitespace", 3),
                arguments("{", "unterminated object", 1),
                arguments("{\"a\":1,}", "expected a member name in double quotes, found '}'", 7),
                arguments("{'a':1}", "expected a member name in double quotes, found '''", 1),
                arguments("{\"a\" 1}", "expected ':' after the member name, found '1'", 5),
                arguments("{\"a\":1 \"b\":2}", "expected ',' or '}' after a member, found '\"'", 7),
                arguments("{\"a\":1,\"a\":2}", "duplicate member name \"a\"", 7),
                arguments("[1,]", "unexpected ']', expected a value", 3),
                arguments("[1 2]", "expected ',' or ']' after an element, found '2'", 3),
                arguments("[1", "unterminated array", 2),
                arguments("01", "number with a leading zero", 0),
                arguments("1.", "expected a digit after the decimal point", 2),
                arguments(".5", "unexpected '.', expected a value", 0),
                arguments("1e", "expected a digit in the exponent", 2),
                arguments("-", "expected a digit", 1),
                arguments("+1", "unexpected '+', expected a value", 0),
                arguments("1e9999999999", "number out of range", 0),
                arguments("1" + "0".repeat(JsonReader.MAX_NUMBER_CHARS), "number longer than 256 characters", 0),
                arguments("\"abc", "unterminated string", 0),
                arguments("\"a\nb\"", "unescaped control character U+000A in a string", 2),
                arguments("\"\\x\"", "invalid escape \\x", 1),
                arguments("\"\\u12G4\"", "\\u needs four hex digits", 1),
                arguments("\"\\u12\"", "\\u needs four hex digits", 1),
                arguments("tru", "unexpected word 'tru', expected a value", 0),
                arguments("True", "unexpected 'T', expected a value", 0),
                arguments("NaN", "unexpected 'N', expected a value", 0),
                arguments("<html>", "unexpected '<', expected a value", 0),
                arguments("// note\n{}", "unexpected '/', expected a value", 0),
                arguments("{} {}", "unexpected '{' after the value", 3),
                arguments("\"ok\"\u0000", "unexpected U+0000 after the value", 4),
                arguments("[".repeat(JsonReader.MAX_DEPTH + 1), "nested deeper than 64 levels", JsonReader.MAX_DEPTH));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void refusesMalformedTextNamingTheReasonAndOffset(String text, String reason, int offset) {
        assertThatThrownBy(() -> JsonReader.read(text))
                .isInstanceOfSatisfying(MalformedJsonException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.offset()).isEqualTo(offset);
                    assertThat(e.getMessage()).isEqualTo(reason + " at offset " + offset);
                });
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThatThrownBy(() -> JsonReader.read(bytes)).isInstanceOf(MalformedJsonException.class)
                .hasMessage("invalid UTF-8 (byte 6) at offset 6");
    }

    @Test
    void refusesADocumentOverTheSizeLimitBeforeReadingIt() {
        byte[] big = new byte[JsonReader.MAX_BYTES + 1];

        assertThatThrownBy(() -> JsonReader.read(big)).isInstanceOf(MalformedJsonException.class)
                .hasMessageStartingWith("larger than 262144 bytes");
    }

    @Test
    void renderingCutsLongValues() throws MalformedJsonException {
        JsonValue value = JsonReader.read("{\"message\":\"" + "x".repeat(500) + "\"}");

        assertThat(value.render(40)).hasSize(40).endsWith("…");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
