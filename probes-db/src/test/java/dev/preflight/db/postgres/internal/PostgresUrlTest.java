package dev.preflight.db.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** How a PostgreSQL URL is read: libpq's defaults, percent-decoding, and no password in its text. */
class PostgresUrlTest {

    @Test
    void readsEveryPartAndDecodesTheUserInformation() {
        PostgresUrl url = of("postgresql://app%40shop:p%40ss%2Fw+rd@db.internal:6543/shop%20db?sslmode=Verify-Full"
                + "&sslrootcert=%2Fetc%2Fca.pem");

        assertThat(url.user()).isEqualTo("app@shop");
        assertThat(url.password()).map(Secret::reveal).contains("p@ss/w+rd");
        assertThat(url.host()).isEqualTo("db.internal");
        assertThat(url.port()).isEqualTo(6543);
        assertThat(url.database()).isEqualTo("shop db");
        assertThat(url.sslMode()).isEqualTo("verify-full");
        assertThat(url.verifiesCertificate()).isTrue();
        assertThat(url.allowsPlaintext()).isFalse();
        assertThat(url.parameter("sslrootcert")).contains("/etc/ca.pem");
        assertThat(url.toString()).isEqualTo("app@shop@db.internal:6543/shop db").doesNotContain("p@ss");
    }

    @Test
    void takesLibpqsDefaultsForWhatIsAbsent() {
        PostgresUrl url = of("postgres://app@db.internal");

        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.database()).isEqualTo("app");
        assertThat(url.password()).isEmpty();
        assertThat(url.setsSslMode()).isFalse();
        assertThat(url.sslMode()).isEqualTo("prefer");
        assertThat(url.allowsPlaintext()).isTrue();
    }

    @Test
    void takesThePasswordFromTheTargetsSecretWhenTheUrlHasNone() {
        Target target = Target.builder("db", TargetKind.POSTGRES).uri(URI.create("postgresql://app@db.internal/app"))
                .secret("password", Secret.of("from-the-secret")).build();

        assertThat(PostgresUrl.of(target).orElseThrow().password()).map(Secret::reveal).contains("from-the-secret");
    }

    @Test
    void bracketsAnIpv6HostOnlyInTheEndpoint() {
        PostgresUrl url = of("postgresql://app:pw@[::1]:5433/app");

        assertThat(url.host()).isEqualTo("::1");
        assertThat(url.endpoint()).isEqualTo("[::1]:5433");
    }

    @Test
    void aTargetWithoutUrlHasNoneAndAUrlWithoutAHostIsRefused() {
        assertThat(PostgresUrl.of(Target.builder("db", TargetKind.POSTGRES).build())).isEmpty();
        Target sockets = Target.builder("db", TargetKind.POSTGRES)
                .uri(URI.create("postgresql:///app?host=/var/run/postgresql")).build();
        assertThatThrownBy(() -> PostgresUrl.of(sockets)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unix sockets");
    }

    private static PostgresUrl of(String url) {
        return PostgresUrl.of(Target.forUrl(url)).orElseThrow();
    }
}
