package dev.preflight.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class JsonConditionTest {
    private static final String HEALTH = "{\"status\":\"healthy\",\"checks\":{\"db\":{\"status\":\"UP\"},"
            + "\"disk space\":{\"free\":1024}},\"ready\":true,\"version\":2,\"nodes\":[{\"name\":\"a\"},{\"name\":\"b\"}],"
            + "\"error\":null}";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "status == \"healthy\"                | true",
        "status == \"HEALTHY\"                | false",
        "status != \"down\"                   | true",
        "status != \"healthy\"                | false",
        "checks.db.status == \"UP\"           | true",
        "checks.db.status == \"DOWN\"         | false",
        "status in [\"UP\", \"healthy\"]     | true",
        "status in[\"UP\",\"ok\"]            | false",
        "ready == true                        | true",
        "ready != false                       | true",
        "version == 2.0                       | true",
        "version == 2e0                       | true",
        "version in [1, 3]                    | false",
        "nodes[1].name == \"b\"               | true",
        "nodes[0].name == \"b\"               | false",
        "checks[\"disk space\"].free == 1024  | true",
        "error == null                        | true",
        "  status==\"healthy\"                | true",
        "checks.cache.status == \"UP\"        | false",
        "checks.cache.status != \"UP\"        | false",
        "nodes[5].name != \"x\"               | false",
        "status.deeper == \"x\"               | false",
        "nodes.name == \"a\"                  | false",
        "checks[0] != 1                       | false",
        "nodes[\"0\"].name == \"a\"           | false",
        "version in [1, 2.00]                 | true",
    })
    void evaluatesAgainstAHealthDocument(String condition, boolean holds) throws Exception {
        JsonNode document = health();

        assertThat(JsonCondition.parse(condition).test(document).holds()).as(condition).isEqualTo(holds);
    }

    @Test
    void reportsTheValueFoundAtThePath() throws Exception {
        JsonCondition.Evaluation evaluation = JsonCondition.parse("checks.db.status == \"DOWN\"")
                .test(health());

        assertThat(evaluation.found()).contains(TextNode.valueOf("UP"));
    }

    @Test
    void aMissingPathFindsNothing() throws Exception {
        assertThat(JsonCondition.parse("checks.cache.status != \"UP\"").test(health()).found()).isEmpty();
    }

    @Test
    void keepsTheTextAndThePathAsWritten() throws Exception {
        JsonCondition condition = JsonCondition.parse("  nodes[0].name  ==  \"a\" ");

        assertThat(condition).hasToString("nodes[0].name  ==  \"a\"");
        assertThat(condition.path()).hasToString("nodes[0].name");
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                arguments("", "empty condition; write one such as status == \"UP\"", 1),
                arguments("== \"x\"", "expected a path such as status or checks.db.status", 1),
                arguments("status", "expected '==', '!=' or 'in' after the path, found the end", 7),
                arguments("status = \"x\"", "use '==' to compare", 8),
                arguments("status > 3", "expected '==', '!=' or 'in' after the path, found '>'", 8),
                arguments("status ==", "expected a value: a string in double quotes, a number, true, false or null,"
                        + " found the end", 10),
                arguments("status == healthy", "expected a value: a string in double quotes, a number, true, false"
                        + " or null, found 'h'", 11),
                arguments("status == 'ok'", "strings take double quotes", 11),
                arguments("status == \"ok", "unterminated string", 11),
                arguments("status == \"ok\" && ready == true", "unexpected '&' after the condition (one comparison only)",
                        16),
                arguments("status == [\"ok\"]", "expected a string, number, true, false or null, not a list (use 'in'"
                        + " for lists)", 11),
                arguments("status == {}", "expected a string, number, true, false or null, not an object", 11),
                arguments("status in \"UP\"", "expected a list such as [\"UP\", \"ok\"] after 'in'", 11),
                arguments("status in []", "empty list: nothing could match", 11),
                arguments("status in [\"UP\", ok]", "unexpected 'o', expected a value", 18),
                arguments("status in [[1]]", "the list may hold only strings, numbers, true, false and null", 11),
                arguments("checks..db == 1", "expected a name after '.'", 8),
                arguments("checks.1db == 1", "expected a name after '.'", 8),
                arguments("nodes[x] == 1", "expected an index such as [0] or a name such as [\"disk space\"]", 7),
                arguments("nodes[0 == 1", "expected ']'", 8),
                arguments("nodes[12345678901] == 1", "index too large", 7),
                arguments("nodes[\"a] == 1", "unterminated string", 7),
                arguments("status == 01", "number with a leading zero", 11),
                arguments("status == nope", "expected a value: a string in double quotes, a number, true, false"
                        + " or null, found 'n'", 11));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void refusesInvalidConditionsNamingTheProblemAndColumn(String condition, String problem, int column) {
        assertThatThrownBy(() -> JsonCondition.parse(condition))
                .isInstanceOfSatisfying(InvalidConditionException.class, e -> {
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.getMessage()).isEqualTo(problem + " at column " + column);
                });
    }

    private static JsonNode health() throws MalformedJsonException {
        return JsonReader.read(HEALTH.getBytes(StandardCharsets.UTF_8));
    }
}
