package dev.preflight.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Status;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CookieRulesTest {
    private final CookieRules rules = new CookieRules(List.of("Prefs"));

    @ParameterizedTest
    @ValueSource(strings = {"JSESSIONID", "PHPSESSID", "connect.sid", "laravel_session", "_myapp_session", "sessionid",
            "ASP.NET_SessionId", "ASPSESSIONIDQQGGQGPG", ".AspNetCore.Cookies", ".ASPXAUTH", "sid", "__Host-sid",
            "auth_token", "jwt", "access_token", "remember_me", "wordpress_logged_in_abc", "CFID", "koa.sess", "prefs"})
    void sessionLikeNames(String name) {
        assertThat(rules.isSessionLike(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"XSRF-TOKEN", "csrftoken", "_csrf", "theme", "sidebar_state", "consider", "_ga", "lang"})
    void otherNames(String name) {
        assertThat(rules.isSessionLike(name)).isFalse();
    }

    @Test
    void aWellSetSessionCookieHasNoFinding() {
        assertThat(judge("JSESSIONID=x; Path=/; Secure; HttpOnly; SameSite=Lax", true)).isEmpty();
    }

    @Test
    void missingSecureOnHttpsFails() {
        assertThat(judge("theme=dark; SameSite=Lax", true)).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Status.FAIL))
                .satisfies(f -> assertThat(f.summary()).contains("theme").contains("lacks Secure"));
    }

    @Test
    void sessionCookieWithoutHttpOnlyFailsButAnOrdinaryOneDoesNot() {
        assertThat(judge("sid=x; Secure; SameSite=Lax", true)).singleElement()
                .satisfies(f -> assertThat(f.summary()).contains("lacks HttpOnly"));
        assertThat(judge("theme=x; Secure; SameSite=Lax", true)).isEmpty();
        assertThat(judge("XSRF-TOKEN=x; Secure; SameSite=Lax", true)).isEmpty();
    }

    @Test
    void sameSiteMissingWarnsUnknownWarnsNoneWithoutSecureFails() {
        assertThat(judge("a=1; Secure", true)).singleElement().satisfies(f -> assertThat(f.status()).isEqualTo(Status.WARN));
        assertThat(judge("a=1; Secure; SameSite=Sometimes", true)).singleElement()
                .satisfies(f -> assertThat(f.summary()).contains("SameSite=Sometimes, which browsers ignore"));
        assertThat(judge("a=1; Secure; SameSite=none", true)).isEmpty();
        assertThat(judge("a=1; SameSite=None", true)).extracting(Finding::summary)
                .anyMatch(s -> s.contains("SameSite=None without Secure"));
    }

    @Test
    void hostPrefixNeedsSecureRootPathAndNoDomain() {
        assertThat(judge("__Host-sid=x; Secure; HttpOnly; Path=/; SameSite=Lax", true)).isEmpty();
        assertThat(judge("__Host-sid=x; Secure; HttpOnly; Path=/; Domain=shop.test; SameSite=Lax", true)).singleElement()
                .satisfies(f -> assertThat(f.summary()).contains("__Host- prefix but a Domain attribute"));
        assertThat(judge("__host-sid=x; Secure; HttpOnly; SameSite=Lax", true)).singleElement()
                .satisfies(f -> assertThat(f.summary()).contains("no Path=/"));
        assertThat(judge("__Host-sid=x; Secure; HttpOnly; Path=/app; SameSite=Lax", true)).singleElement()
                .satisfies(f -> assertThat(f.summary()).contains("Path=/app"));
    }

    @Test
    void securePrefixNeedsSecure() {
        assertThat(judge("__Secure-id=x; HttpOnly; SameSite=Lax", true)).extracting(Finding::summary)
                .anyMatch(s -> s.contains("__Secure- prefix but no Secure"));
    }

    @Test
    void overPlainHttpEveryCookieWarns() {
        assertThat(judge("theme=1; SameSite=Lax", false)).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Status.WARN))
                .satisfies(f -> assertThat(f.summary()).contains("set over plain HTTP"));
        assertThat(judge("theme=1; Secure; SameSite=Lax", false)).singleElement()
                .satisfies(f -> assertThat(f.summary()).contains("browsers ignore it"));
    }

    private List<Finding> judge(String line, boolean https) {
        SetCookie cookie = SetCookieParser.parse(line).cookie();
        return rules.judge(cookie, cookie.name(), https, "/");
    }
}
