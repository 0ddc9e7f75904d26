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
    void redactUrlKeepsTheUserNameAndShowsTheQueryAsAnEllipsis() {
        assertThat(Redactor.redactUrl("postgresql://shop:Qv8s2Lm@db:5432/shop?sslmode=require"))
                .isEqualTo("postgresql://shop:***@db:5432/shop?…");
        assertThat(Redactor.redactUrl("rediss://:N7fKq2Vx@cache:6380")).isEqualTo("rediss://:***@cache:6380");
        assertThat(Redactor.redactUrl("https://shop.example.com/?api_key=Zt5nQ8wLx2Vr7KpM"))
                .isEqualTo("https://shop.example.com/?…");
        assertThat(Redactor.redactUrl("https://shop.example.com/")).isEqualTo("https://shop.example.com/");
    }

    @Test
    void redactUrlTakesAMalformedUrlWhole() {
        assertThat(Redactor.redactUrl("postgresql://shop:two words@db/shop?password=x y"))
                .isEqualTo("postgresql://shop:***@db/shop?…");
        assertThat(Redactor.redactUrl("https://[::1")).isEqualTo("https://[::1");
    }

    @Test
    void urlsInTextLoseQueriesParameterFragmentsAndTokenUserNames() {
        String text = "redirects to https://app.example.com/cb?code=Zt5nQ8wLx2Vr7KpM&state=1, then "
                + "https://app.example.com/#access_token=eyJhbGciOiJIUzI1NiJ9.e30.sig&token_type=bearer and "
                + "(https://docs.example.com/hsts#preload). DSN https://0123456789abcdef0123456789abcdef@o1.ingest.sentry.io/1";

        assertThat(Redactor.none().redact(text)).isEqualTo("redirects to https://app.example.com/cb?…, then "
                + "https://app.example.com/#… and (https://docs.example.com/hsts#preload). "
                + "DSN https://***@o1.ingest.sentry.io/1");
    }

    @Test
    void urlScrubbingNeverSpansProse() {
        String message = "'https://[::1' is not a valid URL (Expected closing bracket for IPv6 address at index 11); "
                + "percent-encode special characters such as @ / # ? in user names and passwords";

        assertThat(Redactor.none().redact(message)).isEqualTo(message);
        assertThat(Redactor.none().redact("could not reach https://shop.example.com:8443; mail ops@example.com"))
                .isEqualTo("could not reach https://shop.example.com:8443; mail ops@example.com");
        assertThat(Redactor.none().redact("use ^https://(www\\.)?shop\\.example\\.com$: anchored"))
                .isEqualTo("use ^https://(www\\.)?shop\\.example\\.com$: anchored");
    }

    @Test
    void aKnownSecretIsMaskedInItsEncodedForms() {
        String secret = "p@ss word/Zt5n+Q8~";
        Redactor r = Redactor.of(List.of(secret));
        java.util.Base64.Encoder std = java.util.Base64.getEncoder();
        java.util.Base64.Encoder url = java.util.Base64.getUrlEncoder();
        byte[] bytes = secret.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<String> forms = List.of(secret,
                "p%40ss+word%2FZt5n%2BQ8%7E", "p%40ss%20word%2FZt5n%2BQ8~", "p%40ss%20word%2fZt5n%2bQ8~",
                std.encodeToString(bytes), std.withoutPadding().encodeToString(bytes),
                url.encodeToString(bytes), url.withoutPadding().encodeToString(bytes));

        for (String form : forms) {
            assertThat(r.redact("echo [" + form + "] end")).as(form).isEqualTo("echo [" + Redactor.mask(secret) + "] end");
        }
        assertThat(r.redact("Authorization: Bearer " + secret)).isEqualTo("Authorization: Bearer " + Redactor.mask(secret));
    }

    @Test
    void basicCredentialsOfAUserAndPasswordPairAreMaskedKnownOrNot() {
        String pair = java.util.Base64.getEncoder().encodeToString("shop:Qv8s2Lm".getBytes());
        String other = java.util.Base64.getEncoder().encodeToString("ops:hunter2xyz".getBytes());

        assertThat(Redactor.of(List.of("shop:Qv8s2Lm")).redact("Server: Basic " + pair)).doesNotContain(pair);
        assertThat(Redactor.none().redact("echoed Authorization: Basic " + other + " back"))
                .isEqualTo("echoed Authorization: Basic … back");
        assertThat(Redactor.none().redact("Basic authentication is off; Bearer authentication too"))
                .isEqualTo("Basic authentication is off; Bearer authentication too");
        assertThat(Redactor.none().redact("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abcd"))
                .isEqualTo("Authorization: Bearer …abcd");
    }

    @Test
    void unknownCredentialsAreFoundInAnyCaseOfTheSchemeAndAnywhereInTheText() {
        String pair = java.util.Base64.getEncoder().encodeToString("ops:hunter2xyz".getBytes());

        assertThat(Redactor.none().redact("AUTHORIZATION: BASIC " + pair)).isEqualTo("AUTHORIZATION: BASIC …");
        assertThat(Redactor.none().redact("x=1; bEaReR eyJhbGciOiJIUzI1NiJ9.e30.wxyz")).isEqualTo("x=1; bEaReR …wxyz");
        assertThat(Redactor.none().redact("keys: rk_test_51HxQ2eKz9vT4bW7c1234, (whsec_abcdefghijklmnop5678)"))
                .isEqualTo("keys: rk_test_…1234, (whsec_…5678)");
        assertThat(Redactor.none().redact("v=spf1 include:_spf.example.com -all")).isEqualTo("v=spf1 include:_spf.example.com -all");
    }

    @Test
    void anEncodedSecretCutShortBeforeAnEllipsisIsMaskedToo() {
        String pair = java.util.Base64.getEncoder().encodeToString("shop:Qv8s2LmLongPassword".getBytes());
        Redactor r = Redactor.of(List.of("shop:Qv8s2LmLongPassword"));

        assertThat(r.redact("Server: x " + pair.substring(0, 20) + "…")).isEqualTo("Server: x …");
    }

    @Test
    void redactionTimeGrowsWithTheTextNotWithTheNumberOfSecrets() {
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            many.add("Secret" + i + "Zt5nQ8wLx2Vr7KpM");
        }
        Redactor r = Redactor.of(many);
        String text = "an ordinary sentence about Secret17Zt5nQ8wLx2Vr7KpM and nothing else… ".repeat(200);

        long t0 = System.nanoTime();
        String out = r.redact(text);
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;

        assertThat(out).doesNotContain("Secret17Zt5nQ8wLx2Vr7KpM");
        assertThat(elapsedMs).isLessThan(500);
    }
}
