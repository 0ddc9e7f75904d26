package dev.preflight.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SetCookieParserTest {

    @Test
    void readsNameAndFlagsInAnyCaseAndSpacing() {
        SetCookie c = cookie("  JSESSIONID = s3cr3t ;path=/app;  SECURE ;httponly; samesite = Lax ; Domain=.Shop.Test");

        assertThat(c.name()).isEqualTo("JSESSIONID");
        assertThat(c.secure()).isTrue();
        assertThat(c.httpOnly()).isTrue();
        assertThat(c.sameSite()).isEqualTo("Lax");
        assertThat(c.domain()).isEqualTo("shop.test");
        assertThat(c.path()).isEqualTo("/app");
    }

    @Test
    void keepsNoValueAnywhere() {
        SetCookie c = cookie("sid=VerySecretValue123; Secure");

        assertThat(c.toString()).doesNotContain("VerySecretValue123");
    }

    @Test
    void plainCookieHasNoFlags() {
        SetCookie c = cookie("theme=dark");

        assertThat(c.secure()).isFalse();
        assertThat(c.httpOnly()).isFalse();
        assertThat(c.sameSite()).isNull();
        assertThat(c.sameSiteValue()).isEmpty();
        assertThat(c.domain()).isNull();
        assertThat(c.path()).isNull();
    }

    @Test
    void theLastOfARepeatedAttributeWins() {
        SetCookie c = cookie("a=1; SameSite=None; SameSite=Strict; Path=/x; Path=/y; Max-Age=5; Max-Age=0");

        assertThat(c.sameSite()).isEqualTo("Strict");
        assertThat(c.path()).isEqualTo("/y");
        assertThat(c.maxAge()).isZero();
    }

    @Test
    void ignoresWhatUserAgentsIgnore() {
        SetCookie c = cookie("a=1; Path=relative; Domain=; Max-Age=ten; Max-Age=1e3; Partitioned; Priority=High; ;;");

        assertThat(c.path()).isNull();
        assertThat(c.domain()).isNull();
        assertThat(c.maxAge()).isNull();
    }

    @Test
    void secureWithAValueStillCounts() {
        assertThat(cookie("a=1; Secure=false; HttpOnly=0").secure()).isTrue();
        assertThat(cookie("a=1; Secure=false; HttpOnly=0").httpOnly()).isTrue();
    }

    @Test
    void anEmptyValueIsACookie() {
        assertThat(cookie("a=; Secure").name()).isEqualTo("a");
        assertThat(cookie("a=b=c").name()).isEqualTo("a");
    }

    @Test
    void maxAgeOfZeroOrLessOrAPastExpiryIsADeletion() {
        Instant now = Instant.parse("2026-06-01T00:00:00Z");

        assertThat(cookie("a=; Max-Age=0").isDeletion(now)).isTrue();
        assertThat(cookie("a=; Max-Age=-1").isDeletion(now)).isTrue();
        assertThat(cookie("a=; Expires=Thu, 01-Jan-1970 00:00:01 GMT").isDeletion(now)).isTrue();
        assertThat(cookie("a=1; Expires=Thu, 01 Jan 2037 00:00:00 GMT").isDeletion(now)).isFalse();
        assertThat(cookie("a=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=60").isDeletion(now)).isFalse();
        assertThat(cookie("a=1; Max-Age=99999999999999999999999").isDeletion(now)).isFalse();
        assertThat(cookie("a=1; Expires=whenever").isDeletion(now)).isFalse();
        assertThat(cookie("a=1").isDeletion(now)).isFalse();
    }

    @Test
    void prefixesMatchInAnyCase() {
        assertThat(cookie("__Host-sid=1").hostPrefixed()).isTrue();
        assertThat(cookie("__HOST-sid=1").hostPrefixed()).isTrue();
        assertThat(cookie("__secure-id=1").securePrefixed()).isTrue();
        assertThat(cookie("_Host-sid=1").hostPrefixed()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "novalue", "=value", " = ; Secure", "a=1\u0000; Secure", "a=1\r\nSet-Cookie: b=2",
            "a=\u007f"})
    void malformedLinesComeBackWithAReasonAndNoException(String line) {
        SetCookieParser.Line parsed = SetCookieParser.parse(line);

        assertThat(parsed.isCookie()).isFalse();
        assertThat(parsed.problem()).isNotBlank();
    }

    @Test
    void theReasonNeverQuotesTheLine() {
        SetCookieParser.Line parsed = SetCookieParser.parse("TopSecretTokenWithoutEquals");

        assertThat(parsed.problem()).isEqualTo("has no '=' between name and value").doesNotContain("TopSecret");
    }

    @Test
    void anOversizedCookieIsIgnored() {
        SetCookieParser.Line parsed = SetCookieParser.parse("big=" + "x".repeat(SetCookieParser.MAX_NAME_VALUE));

        assertThat(parsed.problem()).contains("longer than 4096");
    }

    @Test
    void nullIsMalformedNotACrash() {
        assertThat(SetCookieParser.parse(null).isCookie()).isFalse();
    }

    @Test
    void aTabInsideIsNotAControlCharacter() {
        assertThat(SetCookieParser.parse("a=1;\tSecure").cookie().secure()).isTrue();
    }

    private static SetCookie cookie(String line) {
        SetCookieParser.Line parsed = SetCookieParser.parse(line);
        assertThat(parsed.problem()).isNull();
        return parsed.cookie();
    }
}
