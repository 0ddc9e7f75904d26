package dev.preflight.env.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class EnvUrlTest {

    @Test
    void parsesWhatDriversAcceptAndUriRejects() {
        EnvUrl url = EnvUrl.parse("postgresql+asyncpg://app:p%40ss@db1:5432,db2:5433/shop?sslmode=verify-full&x=1");

        assertThat(url.scheme()).isEqualTo("postgresql+asyncpg");
        assertThat(url.baseScheme()).isEqualTo("postgresql");
        assertThat(url.hosts()).containsExactly("db1", "db2");
        assertThat(url.hasPassword()).isTrue();
        assertThat(url.param("sslmode")).hasValue("verify-full");
        assertThat(url.path()).isEqualTo("/shop");
    }

    @Test
    void displayDropsCredentialsPathAndQuery() {
        assertThat(EnvUrl.parse("rediss://user:secret@Cache.Example.com:6380/0?password=secret").display())
                .isEqualTo("rediss://cache.example.com:6380");
    }

    @Test
    void passwordWithAnAtSignIsSplitAtTheLastOne() {
        EnvUrl url = EnvUrl.parse("postgresql://app:p@ss@db.example.com/shop");

        assertThat(url.host()).isEqualTo("db.example.com");
        assertThat(url.hasPassword()).isTrue();
    }

    @Test
    void bracketedIpv6AndSocketsAreLocalWhenLoopback() {
        assertThat(EnvUrl.parse("postgresql://[::1]:5432/app").isLocal()).isTrue();
        assertThat(EnvUrl.parse("postgresql:///app").isLocal()).isTrue();
        assertThat(EnvUrl.parse("postgresql://u@/app?host=/var/run/postgresql").isLocal()).isTrue();
        assertThat(EnvUrl.parse("postgresql://u@/app?host=db.example.com").isLocal()).isFalse();
    }

    @Test
    void errorsNeverQuoteTheValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> EnvUrl.parse("postgresql://u:s3cr3t/x@db/app"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
        assertThatIllegalArgumentException().isThrownBy(() -> EnvUrl.parse("s3cr3t-host:5432"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    }

    @Test
    void schemeOfReadsOnlyTheScheme() {
        assertThat(EnvUrl.schemeOf("jdbc:postgresql://db/app")).hasValue("postgresql");
        assertThat(EnvUrl.schemeOf("mysql+pymysql://u:p@db/app")).hasValue("mysql");
        assertThat(EnvUrl.schemeOf("db.example.com")).isEmpty();
    }
}
