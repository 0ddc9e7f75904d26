package dev.preflight.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.http.internal.OriginJudge.Answer;
import dev.preflight.probe.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OriginJudgeTest {
    private static final UntrustedOrigin EVIL = new UntrustedOrigin(UntrustedOrigin.ARBITRARY, UntrustedOrigin.Kind.ARBITRARY);
    private static final UntrustedOrigin NULL = new UntrustedOrigin("null", UntrustedOrigin.Kind.NULL);
    private static final UntrustedOrigin PREFIX = new UntrustedOrigin("https://shop.test.evil.invalid",
            UntrustedOrigin.Kind.PREFIX);

    private final OriginJudge open = new OriginJudge("https://shop.test:443", List.of());
    private final OriginJudge listed = new OriginJudge("https://shop.test", List.of("https://shop.test",
            "https://admin.shop.test:443/"));

    @Test
    void noAllowOriginIsFine() {
        assertThat(open.judge("/api", EVIL, List.of(answer(List.of(), List.of())))).isEmpty();
    }

    @Test
    void reflectedOriginFailsAndSaysWhetherWithCredentials() {
        List<Finding> plain = open.judge("/api", EVIL, List.of(answer(List.of(UntrustedOrigin.ARBITRARY), List.of())));
        List<Finding> credentialed = open.judge("/api", EVIL, List.of(new Answer("GET", List.of(UntrustedOrigin.ARBITRARY),
                List.of("true")), new Answer("preflight", List.of(UntrustedOrigin.ARBITRARY), List.of())));

        assertThat(plain).singleElement().satisfies(f -> assertThat(f.status()).isEqualTo(Status.FAIL))
                .satisfies(f -> assertThat(f.summary()).contains("echoes any Origin").endsWith("without credentials"));
        assertThat(credentialed).singleElement().satisfies(f -> assertThat(f.summary())
                .contains("in answers to GET and preflight, with credentials"));
    }

    @Test
    void starWithCredentialsFails() {
        assertThat(open.judge("/api", EVIL, List.of(answer(List.of("*"), List.of("true"))))).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Status.FAIL));
    }

    @Test
    void starWithoutCredentialsIsANoteOrAWarningWhenOriginsAreListed() {
        assertThat(open.judge("/api", EVIL, List.of(answer(List.of("*"), List.of("false"))))).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Status.PASS));
        assertThat(listed.judge("/api", EVIL, List.of(answer(List.of("*"), List.of())))).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Status.WARN));
    }

    @Test
    void onlyAnExactTrueCountsAsCredentials() {
        assertThat(answer(List.of("*"), List.of(" true ")).credentials()).isTrue();
        assertThat(answer(List.of("*"), List.of("True")).credentials()).isFalse();
        assertThat(answer(List.of("*"), List.of("true", "true")).credentials()).isFalse();
    }

    @Test
    void nullAllowedFailsOnlyForOriginNull() {
        assertThat(open.judge("/api", NULL, List.of(answer(List.of("null"), List.of())))).singleElement()
                .satisfies(f -> assertThat(f.summary()).contains("allows the origin null"));
        assertThat(open.judge("/api", EVIL, List.of(answer(List.of("null"), List.of())))).isEmpty();
    }

    @Test
    void aNearMissTrustedRevealsARegexMistake() {
        assertThat(open.judge("/api", PREFIX, List.of(answer(List.of("https://shop.test.evil.invalid"), List.of()))))
                .singleElement().satisfies(f -> assertThat(f.summary()).contains("start with"))
                .satisfies(f -> assertThat(f.remediation()).contains("anchor"));
    }

    @Test
    void nearMissesAreNotRepeatedWhenEverythingIsEchoed() {
        Map<UntrustedOrigin, List<Answer>> answers = new LinkedHashMap<>();
        answers.put(EVIL, List.of(answer(List.of(EVIL.origin()), List.of())));
        answers.put(NULL, List.of(answer(List.of(NULL.origin()), List.of())));
        answers.put(PREFIX, List.of(answer(List.of(PREFIX.origin()), List.of())));

        assertThat(open.judge("/api", answers)).singleElement().satisfies(f -> assertThat(f.summary()).contains("any Origin"));
    }

    @Test
    void aNamedOriginIsComparedWithTheProductionList() {
        assertThat(listed.judge("/api", EVIL, List.of(answer(List.of("https://admin.shop.test"), List.of())))).isEmpty();
        assertThat(listed.judge("/api", EVIL, List.of(answer(List.of("https://shop.test"), List.of())))).isEmpty();
        assertThat(listed.judge("/api", EVIL, List.of(answer(List.of("https://staging.shop.test"), List.of()))))
                .singleElement().satisfies(f -> assertThat(f.status()).isEqualTo(Status.FAIL))
                .satisfies(f -> assertThat(f.summary()).contains("not among the production origins"));
    }

    @Test
    void withoutAListOnlyPlainHttpOriginsWarn() {
        assertThat(open.judge("/api", EVIL, List.of(answer(List.of("https://partner.test"), List.of())))).isEmpty();
        assertThat(open.judge("/api", EVIL, List.of(answer(List.of("http://localhost:3000"), List.of())))).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Status.WARN));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://*.shop.test", "shop.test", "https://shop.test/", "https://shop.test/path", "%%%",
            "https://", "javascript:alert(1)", ""})
    void aValueThatIsNoOriginWarns(String value) {
        assertThat(open.judge("/api", EVIL, List.of(answer(List.of(value), List.of())))).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Status.WARN))
                .satisfies(f -> assertThat(f.summary()).contains("not an origin"));
    }

    @Test
    void severalValuesWarn() {
        assertThat(open.judge("/api", EVIL, List.of(answer(List.of("https://a.test, https://b.test"), List.of()))))
                .singleElement().satisfies(f -> assertThat(f.summary()).contains("several"));
        assertThat(open.judge("/api", EVIL, List.of(answer(List.of(EVIL.origin(), EVIL.origin()), List.of()))))
                .singleElement().satisfies(f -> assertThat(f.summary()).contains("several"));
    }

    @Test
    void originsAreNormalised() {
        assertThat(OriginJudge.normalise("HTTPS://Shop.Test:443/")).contains("https://shop.test");
        assertThat(OriginJudge.normalise("http://shop.test:8080")).contains("http://shop.test:8080");
        assertThat(OriginJudge.normalise("https://user@shop.test")).isEmpty();
        assertThat(OriginJudge.normalise("https://shop.test?x=1")).isEmpty();
    }

    @Test
    void aConfiguredEntryThatIsNoOriginIsRejected() {
        assertThatThrownBy(() -> new OriginJudge("https://shop.test", List.of("shop.test")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'shop.test' is not an origin");
    }

    private static Answer answer(List<String> allowOrigin, List<String> allowCredentials) {
        return new Answer("GET", allowOrigin, allowCredentials);
    }
}
