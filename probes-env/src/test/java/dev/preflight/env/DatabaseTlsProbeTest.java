package dev.preflight.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseTlsProbeTest {
    private static final String BASE = "postgresql://shop:Qv8s2LmW9xTz4RkP@db.internal.acme.io:5432/shop";

    private static EnvCheck check() {
        return EnvCheck.of(new DatabaseTlsProbe());
    }

    @Test
    void verifyFullPasses() {
        Result result = check().with("DATABASE_URL", BASE + "?sslmode=verify-full&sslrootcert=/etc/ca.pem").result();

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(EnvCheck.list(result, "connections"))
                .containsExactly("DATABASE_URL: postgresql://db.internal.acme.io:5432, sslmode=verify-full");
    }

    @Test
    void verifyCaPassesWithANote() {
        Result result = check().with("DATABASE_URL", BASE + "?sslmode=verify-ca").result();

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.summary()).contains("DATABASE_URL uses verify-ca, which does not check the host name");
    }

    @Test
    void requireWarnsAndSuggestsVerifyFull() {
        Result result = check().with("POSTGRES_URL", BASE + "?sslmode=require").result();

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).isEqualTo(
                "POSTGRES_URL uses sslmode=require, which encrypts but does not verify the server's certificate");
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r).startsWith("Add sslmode=verify-full"));
    }

    @Test
    void missingSslmodeFails() {
        Result result = check().with("DATABASE_URL", BASE).result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("DATABASE_URL sets no sslmode, so libpq falls back to plaintext (prefer)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"disable", "allow", "prefer", "PREFER"})
    void modesThatAllowPlaintextFail(String mode) {
        Result result = check().with("DATABASE_URL", BASE + "?connect_timeout=5&sslmode=" + mode).result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).contains("which allows plaintext");
    }

    @Test
    void unknownSslmodeFails() {
        assertThat(check().with("DATABASE_URL", BASE + "?sslmode=strict").result().summary())
                .isEqualTo("DATABASE_URL has an unknown sslmode 'strict'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres://app:pw@localhost:5432/app", "postgresql://app:pw@127.0.0.1/app",
        "postgresql://app:pw@[::1]:5432/app", "postgresql:///app", "postgresql://app@/app?host=/var/run/postgresql"})
    void loopbackOrSocketPassesWithoutTls(String url) {
        Result result = check().with("DATABASE_URL", url).result();

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.summary()).contains("loopback");
    }

    @Test
    void driverSchemesAndSslParameterAreRead() {
        Result asyncpg = check().with("DATABASE_URL", "postgresql+asyncpg://u:p@db.acme.io/app?ssl=require").result();
        Result jdbc = check().with("DATABASE_URL", "jdbc:postgresql://db.acme.io:5432/app?sslmode=verify-full").result();
        Result off = check().with("DATABASE_URL", "postgres://u:p@db.acme.io/app?ssl=false").result();

        assertThat(asyncpg.status()).isEqualTo(Status.WARN);
        assertThat(jdbc.status()).isEqualTo(Status.PASS);
        assertThat(off.status()).isEqualTo(Status.FAIL);
    }

    @Test
    void everyHostOfAMultiHostUrlMustBeLoopbackToSkipTls() {
        Result result = check().with("DATABASE_URL", "postgresql://u:p@localhost:5432,db2.acme.io:5432/app").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"db.acme.io:5432/shop", "postgresql://u:p@db.acme.io:5432x/shop",
        "postgresql://u:p/ss@db.acme.io/shop", "postgresql://u:p@[::1/shop", "postgresql://u:p@db.acme.io:99999/x",
        "postgresql://u:p@db acme.io/shop", ""})
    void malformedUrlFailsWithReason(String url) {
        Result result = check().with("DATABASE_URL", url).result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).startsWith("DATABASE_URL ").doesNotContain("ss@", ":p@");
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r).contains("percent-encoded"));
    }

    @Test
    void malformedUrlReasonsNameTheProblem() {
        assertThat(check().with("DATABASE_URL", "db.acme.io:5432/shop").result().summary())
                .isEqualTo("DATABASE_URL is not a URL (expected scheme://host…)");
        assertThat(check().with("DATABASE_URL", "postgresql://u:p@db.acme.io:5432x/shop").result().summary())
                .isEqualTo("DATABASE_URL has an invalid port");
        assertThat(check().with("DATABASE_URL", "postgresql://u:p/ss@db.acme.io/shop").result().summary())
                .contains("must be percent-encoded");
    }

    @Test
    void otherDatabasesAreSkipped() {
        Result result = check().with("DATABASE_URL", "mysql://u:p@db.acme.io/shop").result();

        assertThat(result.status()).isEqualTo(Status.SKIP);
        assertThat(result.summary()).contains("not Postgres: DATABASE_URL (mysql)");
    }

    @Test
    void noDatabaseUrlIsSkipped() {
        assertThat(check().with("DEBUG", "false").result().status()).isEqualTo(Status.SKIP);
    }
}
