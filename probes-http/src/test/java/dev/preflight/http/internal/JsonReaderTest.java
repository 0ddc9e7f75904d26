package dev.preflight.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The strict reading of bodies a target sends: what is refused, where, and within which limits. */
class JsonReaderTest {

    @Test
    void readsAHealthDocumentKeepingMemberOrderAndNumbersAsWritten() throws MalformedJsonException {
        JsonNode doc = JsonReader.read(utf8(" {\"status\":\"healthy\",\"checks\":{\"db\":{\"status\":\"UP\"}},"
                + "\"ready\":true,\"took\":12.50,\"tags\":[],\"error\":null}\r\n"));

        assertThat(doc.fieldNames()).toIterable().containsExactly("status", "checks", "ready", "took", "tags", "error");
        assertThat(doc.get("status")).isEqualTo(TextNode.valueOf("healthy"));
        assertThat(doc.get("ready")).isEqualTo(BooleanNode.TRUE);
        assertThat(doc.get("took").decimalValue()).isEqualTo(new BigDecimal("12.50"));
        assertThat(doc.get("tags").isArray() && doc.get("tags").isEmpty()).isTrue();
        assertThat(doc.get("error")).isEqualTo(NullNode.getInstance());
        assertThat(doc).hasToString("{\"status\":\"healthy\",\"checks\":{\"db\":{\"status\":\"UP\"}},"
                + "\"ready\":true,\"took\":12.50,\"tags\":[],\"error\":null}");
    }

    @Test
    void readsNumbersExactlyNeverAsDoubles() throws MalformedJsonException {
        JsonNode numbers = JsonReader.read(utf8("[0.1, 1e400, 123456789012345678901234567890]"));

        assertThat(numbers.get(0).decimalValue()).isEqualTo(new BigDecimal("0.1"));
        assertThat(numbers.get(1).decimalValue()).isEqualByComparingTo(new BigDecimal("1e400"));
        assertThat(numbers.get(2).bigIntegerValue()).isEqualTo(new BigInteger("123456789012345678901234567890"));
    }

    @Test
    void undoesEveryEscapeIncludingSurrogatePairs() throws MalformedJsonException {
        JsonNode value = JsonReader.read(utf8("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00\""));

        assertThat(value.textValue()).isEqualTo("q\" b\\ s/ \b\f\n\r\t é \uD83D\uDE00");
    }

    @Test
    void acceptsAScalarDocumentAndALeadingByteOrderMark() throws MalformedJsonException {
        assertThat(JsonReader.read(utf8("\uFEFF\"OK\""))).isEqualTo(TextNode.valueOf("OK"));
        assertThat(JsonReader.read(utf8("-0.5e+3")).decimalValue()).isEqualByComparingTo("-500");
    }

    @Test
    void readsEachLimitExactlyAndRefusesOneMore() throws MalformedJsonException {
        String deepest = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        String longest = "1".repeat(JsonReader.MAX_NUMBER_CHARS);
        String largest = "\"" + "x".repeat(JsonReader.MAX_BYTES - 2) + "\"";

        assertThat(JsonReader.read(utf8(deepest)).isArray()).isTrue();
        assertThat(JsonReader.read(utf8(longest)).isNumber()).isTrue();
        assertThat(JsonReader.read(utf8(largest)).textValue()).hasSize(JsonReader.MAX_BYTES - 2);
        assertMalformed("[" + deepest + "]", "nested deeper than 64 levels", JsonReader.MAX_DEPTH);
        assertMalformed(longest + "1", "number longer than 256 characters", 0);
        assertMalformed(largest + " ", "larger than 262144 bytes", 0);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                arguments("", "empty", 0),
                arguments("  \n", "only whitespace", 3),
                arguments("{", "unterminated object", 1),
                arguments("[1", "unterminated array", 2),
                arguments("\"abc", "unterminated string", 0),
                arguments("{\"a\":1,\"a\":2}", "duplicate member name \"a\"", 10),
                arguments("{\"x\":{\"a\":1,\"b\":{},\"a\":2}}", "duplicate member name \"a\"", 22),
                arguments("{} {}", "unexpected content after the value", 3),
                arguments("{\"a\":1}x", "unexpected 'x', expected a value", 7),
                arguments("\"ok\"\u0000", "unexpected control character U+0000", 4),
                arguments("{\"ab", "unterminated member name", 4),
                arguments("{\"a\":\"abc", "unterminated string", 9),
                arguments("[1,2}", "unexpected '}', expected ']'", 4),
                arguments("]", "unexpected ']' with nothing open", 0),
                arguments("{\"a\":1,}", "expected a member name in double quotes, found '}'", 7),
                arguments("{'a':1}", "expected a member name in double quotes, found '''", 1),
                arguments("{a:1}", "expected a member name in double quotes, found 'a'", 1),
                arguments("{\"a\" 1}", "expected ':' after the member name, found '1'", 5),
                arguments("{\"a\":1 \"b\":2}", "expected ',' or '}' after a member, found '\"'", 7),
                arguments("[1,]", "unexpected ']', expected a value", 3),
                arguments("[1,,2]", "unexpected ',', expected a value", 3),
                arguments("[1 2]", "expected ',' or ']' after an element, found '2'", 3),
                arguments("01", "number with a leading zero", 0),
                arguments("1.", "unexpected '.' in a number", 1),
                arguments(".5", "unexpected '.', expected a value", 0),
                arguments("+1", "unexpected '+' in a number", 1),
                arguments("1e9999999999", "number out of range", 0),
                arguments("\"a\nb\"", "unescaped control character U+000A in a string", 2),
                arguments("\"\\x\"", "invalid escape \\x", 2),
                arguments("\"\\'\"", "invalid escape \\'", 2),
                arguments("\"\\u12G4\"", "\\u needs four hex digits", 5),
                arguments("tru", "unexpected 't', expected a value", 0),
                arguments("True", "unexpected 'T', expected a value", 0),
                arguments("NaN", "unexpected 'N', expected a value", 0),
                arguments("{\"a\":NaN}", "unexpected 'N', expected a value", 5),
                arguments("{\"a\":01}", "number with a leading zero", 6),
                arguments("-Infinity", "unexpected '-', expected a value", 0),
                arguments("<html>", "unexpected '<', expected a value", 0),
                arguments("// note\n{}", "unexpected '/' (comments are not JSON)", 0),
                arguments("{} # note", "unexpected '#', expected a value", 3),
                arguments("[1,\u0001]", "unexpected control character U+0001", 3),
                arguments("1x", "unexpected 'x' after the value", 1));
    }

    @Test
    void refusesBytesInAnEncodingJacksonCannotReadAsAFailureNotACrash() {
        byte[] oddUcs4 = {0, 0, '1', 0};
        byte[] badUtf32 = {0, 0, 0, '[', 0x7f, 0, 0, 0, 0, 0, 0, ']'};

        assertThatThrownBy(() -> JsonReader.read(oddUcs4)).isInstanceOf(MalformedJsonException.class)
                .hasMessage("unreadable character encoding at offset 0");
        assertThatThrownBy(() -> JsonReader.read(badUtf32)).isInstanceOf(MalformedJsonException.class);
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void refusesMalformedTextNamingTheReasonAndOffset(String text, String reason, int offset) {
        assertMalformed(text, reason, offset);
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThatThrownBy(() -> JsonReader.read(bytes)).isInstanceOf(MalformedJsonException.class)
                .hasMessageStartingWith("invalid UTF-8 at offset");
    }

    @Test
    void echoesAtMostOneCharacterOfAnUnrecognisedWord() {
        String secret = "sk_live_51H8xQ2eZvKYlo2C";

        assertThatThrownBy(() -> JsonReader.read(utf8("{\"key\": " + secret + "}")))
                .isInstanceOf(MalformedJsonException.class)
                .hasMessage("unexpected 's', expected a value at offset 8")
                .hasMessageNotContaining("live");
    }

    @Test
    void readsAValueAtTheStartOfOtherTextAndSaysWhereItEnds() throws MalformedJsonException {
        String condition = "status in [\"UP\", 2.0] and more";

        JsonReader.Prefix list = JsonReader.readPrefix(condition, 10);

        assertThat(list.value()).hasToString("[\"UP\",2.0]");
        assertThat(condition.substring(list.end()).strip()).isEqualTo("and more");
    }

    private static void assertMalformed(String text, String reason, int offset) {
        assertThatThrownBy(() -> JsonReader.read(utf8(text)))
                .as(text.length() > 40 ? text.substring(0, 40) + "…" : text)
                .isInstanceOfSatisfying(MalformedJsonException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.offset()).isEqualTo(offset);
                    assertThat(e.getMessage()).isEqualTo(reason + " at offset " + offset);
                });
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
