package dev.preflight.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void maskKeepsAKnownPrefixAndTheLastFourOfLongValuesOnly() {
        assertThat(Redactor.mask("sk_live_51HxQ2eKz9vT4bW7cR0aY4242")).isEqualTo("sk_live_…4242");
        assertThat(Redactor.mask("whsec_abcdefghijklmnop1234")).isEqualTo("whsec_…1234");
        assertThat(Redactor.mask("correct-horse-battery")).isEqualTo("…tery");
        assertThat(Redactor.mask("hunter22")).isEqualTo("…");
        assertThat(Redactor.mask("sk_live_short")).isEqualTo("sk_live_…");
    }

    @Test
    void knownSecretsAreReplacedRawAndUrlEncoded() {
        Redactor r = Redactor.of(List.of("p@ss/word!long", "Zt5nQ8wLx2Vr7KpM"));

        assertThat(r.redact("login with Zt5nQ8wLx2Vr7KpM failed")).isEqualTo("login with …7KpM failed");
        assertThat(r.redact("url ?password=p%40ss%2Fword%21long")).doesNotContain("p%40ss%2Fword%21long");
        assertThat(r.redact("raw p@ss/word!long")).doesNotContain("p@ss/word!long");
    }

    @Test
    void aKnownSecretCutShortBeforeAnEllipsisIsMaskedToo() {
        Redactor r = Redactor.of(List.of("Zt5nQ8wLx2Vr7KpM", "sk_live_51HxQ2eKz9vT4bW7cR0aY4242"));

        assertThat(r.redact("cookie Zt5nQ8wL… and more")).isEqualTo("cookie … and more");
        assertThat(r.redact("key sk_live_51HxQ2eKz9…")).isEqualTo("key sk_live_…");
        assertThat(r.redact("masked sk_live_…4242 stays")).isEqualTo("masked sk_live_…4242 stays");
        assertThat(r.redact("an ordinary cut…")).isEqualTo("an ordinary cut…");
    }

    @Test
    void urlPasswordsAndKeyShapesAreScrubbedEvenWhenUnknown() {
        String text = "GET https://app:s3cr3t@db.example.com/x with sk_test_4eC39HqLyjWDarjtT1zdp7dc";

        assertThat(Redactor.none().redact(text))
                .isEqualTo("GET https://app:***@db.example.com/x with sk_test_…p7dc");
    }

    @Test
    void shortBlankAndPlaceholderValuesAreNotSearchedFor() {
        Redactor r = Redactor.of(java.util.Arrays.asList("on", "", null, "   ", "secret", "ChangeMe"));

        assertThat(r.redact("debug is on")).isEqualTo("debug is on");
        assertThat(r.redact("set a real secret, not changeme")).isEqualTo("set a real secret, not changeme");
    }

    @Test
    void redactUrlKeepsTheUserName() {
        assertThat(Redactor.redactUrl("postgresql://shop:Qv8s2Lm@db:5432/shop?sslmode=require"))
                .isEqualTo("postgresql://shop:***@db:5432/shop?sslmode=require");
        assertThat(Redactor.redactUrl("rediss://:N7fKq2Vx@cache:6380")).isEqualTo("rediss://:***@cache:6380");
    }
}
