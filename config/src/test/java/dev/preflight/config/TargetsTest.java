package dev.preflight.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.ConfigException;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetsTest {
    @ParameterizedTest
    @CsvSource({
        "https://shop.example.com, web",
        "http://shop.example.com:8080/health, web",
        "postgresql://db.internal:5432/shop, postgres",
        "postgres://db.internal/shop, postgres",
        "redis://cache.internal:6379, redis",
        "REDISS://cache.internal:6380, redis",
        "smtp://smtp.example.com:587, smtp",
        "smtps://smtp.example.com:465, smtp",
    })
    void kindFollowsFromTheScheme(String url, TargetKind kind) {
        Target target = Targets.fromUrl("t", url);

        assertThat(target.kind()).isEqualTo(kind);
        assertThat(target.name()).isEqualTo("t");
        assertThat(target.uri().orElseThrow()).hasToString(url);
    }

    @Test
    void locationHidesThePassword() {
        Target db = Targets.fromUrl("db", "postgresql://app:hunter2-secret@db.internal/shop");

        assertThat(db.location()).isEqualTo("postgresql://app:***@db.internal/shop");
    }

    @Test
    void unsupportedSchemeIsAConfigProblemWithoutLocation() {
        ConfigException e = Fixtures.expectProblem(() -> Targets.fromUrl("x", "mysql://db.internal/shop"));

        assertThat(e.file()).isEmpty();
        assertThat(e.line()).isZero();
        assertThat(e.problem()).isEqualTo("'mysql://db.internal/shop' has the unsupported scheme 'mysql'; use https,"
                + " http, postgresql, postgres, redis, rediss, smtp or smtps");
    }

    @Test
    void malformedUrlIsAConfigProblem() {
        assertThat(Fixtures.expectProblem(() -> Targets.fromUrl("x", "https://")).problem()).contains("is not a valid URL");
        assertThat(Fixtures.expectProblem(() -> Targets.fromUrl("x", "https:shop")).problem()).contains("has no valid host");
        assertThat(Fixtures.expectProblem(() -> Targets.fromUrl("x", "/shop")).problem()).contains("has no scheme");
    }

    @Test
    void internationalisedHostIsCheckedUnderItsAsciiName() {
        Target shop = Targets.fromUrl("shop", "https://user:pa55@Bücher.example:8443/kasse?x=ü");
        Target mail = Targets.domain("mail", "bücher.example");

        assertThat(shop.uri().orElseThrow().getHost()).isEqualTo("xn--bcher-kva.example");
        assertThat(shop.uri().orElseThrow().getPort()).isEqualTo(8443);
        assertThat(shop.uri().orElseThrow().getUserInfo()).isEqualTo("user:pa55");
        assertThat(mail.attribute("domain")).contains("xn--bcher-kva.example");
    }

    @Test
    void invalidInternationalisedHostSaysWhy() {
        String tooLong = "ü".repeat(70) + ".example";

        assertThat(Fixtures.expectProblem(() -> Targets.fromUrl("x", "https://" + tooLong)).problem())
                .contains("not a valid internationalised domain name");
        assertThat(Fixtures.expectProblem(() -> Targets.domain("x", tooLong)).problem())
                .contains("neither a URL nor a domain name");
    }
}
