package dev.preflight.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HstsPolicyTest {

    @Test
    void readsAllThreeDirectives() throws MalformedHeaderException {
        HstsPolicy policy = HstsPolicy.parse("max-age=31536000; includeSubDomains; preload");

        assertThat(policy).isEqualTo(new HstsPolicy(31_536_000, true, true, List.of()));
    }

    @Test
    void directiveNamesIgnoreCase() throws MalformedHeaderException {
        assertThat(HstsPolicy.parse("MAX-AGE=10; INCLUDESUBDOMAINS; Preload"))
                .isEqualTo(new HstsPolicy(10, true, true, List.of()));
    }

    @Test
    void valuesMayBeQuotedWithEscapes() throws MalformedHeaderException {
        assertThat(HstsPolicy.parse("max-age=\"31536000\"").maxAge()).isEqualTo(31_536_000);
        assertThat(HstsPolicy.parse("max-age=\"315\\36000\"").maxAge()).isEqualTo(31_536_000);
    }

    @Test
    void whitespaceAndEmptyDirectivesAreAllowed() throws MalformedHeaderException {
        assertThat(HstsPolicy.parse(" ;; max-age = 100 ;\tincludeSubDomains ; ;"))
                .isEqualTo(new HstsPolicy(100, true, false, List.of()));
    }

    @Test
    void unknownDirectivesAreIgnoredAndListed() throws MalformedHeaderException {
        HstsPolicy policy = HstsPolicy.parse("max-age=5; report-uri=\"https://r.example/a;b\"; Foo");

        assertThat(policy.maxAge()).isEqualTo(5);
        assertThat(policy.ignoredDirectives()).containsExactly("report-uri", "Foo");
    }

    @Test
    void leadingZerosAreRead() throws MalformedHeaderException {
        assertThat(HstsPolicy.parse("max-age=0000031536000").maxAge()).isEqualTo(31_536_000);
        assertThat(HstsPolicy.parse("max-age=000").maxAge()).isZero();
    }

    @Test
    void hugeMaxAgeSaturates() throws MalformedHeaderException {
        assertThat(HstsPolicy.parse("max-age=99999999999999999999999999").maxAge()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void preloadWithAValueIsNotPreload() throws MalformedHeaderException {
        assertThat(HstsPolicy.parse("max-age=5; preload=yes").preload()).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                                  | the value is empty; max-age is required",
        "`   `                               | the value is empty; max-age is required",
        "includeSubDomains                   | there is no max-age directive; it is required",
        "max-age=1; max-age=2                | the directive max-age appears more than once",
        "max-age=1; MAX-AGE=1                | the directive max-age appears more than once",
        "max-age=1; includeSubDomains; includesubdomains | the directive includesubdomains appears more than once",
        "max-age=1; foo; foo=2               | the directive foo appears more than once",
        "max-age=abc                         | max-age \"abc\" is not a whole number of seconds",
        "max-age=-1                          | max-age \"-1\" is not a whole number of seconds",
        "max-age=1.5                         | max-age \"1.5\" is not a whole number of seconds",
        "max-age=\"\"                        | max-age \"\" is not a whole number of seconds",
        "max-age                             | max-age has no value",
        "max-age=                            | max-age= has no value",
        "max-age=;                           | unexpected ';' at character 9",
        "max-age=\"123                       | the quoted value of max-age is not closed",
        "max-age=\"123\\                     | the quoted value of max-age is not closed",
        "max-age=1 2                         | unexpected '2' at character 11",
        "max-age=1; \"x\"                    | unexpected '\"' at character 12",
        "max-age=1, max-age=2                | unexpected ',' at character 10 (several Strict-Transport-Security values joined into one line?)",
        "max-age=1; includeSubDomains=yes    | includeSubDomains takes no value",
        "max-age=1 includeSubDomains         | unexpected 'i' at character 11",
        "max-age=1; =2                       | unexpected '=' at character 12",
    })
    void malformedValuesAreRejectedWithTheReason(String value, String reason) {
        assertThatThrownBy(() -> HstsPolicy.parse(value)).isInstanceOf(MalformedHeaderException.class)
                .hasMessage(reason);
    }

    @Test
    void controlCharacterInAQuotedValueIsRejected() {
        assertThatThrownBy(() -> HstsPolicy.parse("max-age=\"1\u00012\"")).hasMessage(
                "the quoted value of max-age holds a control character");
    }

    @Test
    void nonAsciiCharacterIsNamedByCodePoint() {
        assertThatThrownBy(() -> HstsPolicy.parse("max-age=1; inclüdeSubDomains"))
                .hasMessage("unexpected U+00FC at character 16");
    }

    @Test
    void longValuesAreShortenedInTheReason() {
        assertThatThrownBy(() -> HstsPolicy.parse("max-age=" + "x".repeat(100)))
                .hasMessage("max-age \"" + "x".repeat(40) + "…\" is not a whole number of seconds");
    }
}
