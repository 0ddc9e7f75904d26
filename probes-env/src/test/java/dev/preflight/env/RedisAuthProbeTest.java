package dev.preflight.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedisAuthProbeTest {

    private static EnvCheck check() {
        return EnvCheck.of(new RedisAuthProbe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rediss://:N7fKq2VxL9pWm4Rz@cache.acme.io:6380/0",
        "rediss://default:N7fKq2VxL9pWm4Rz@cache.acme.io:6380", "rediss://cache.acme.io:6380/0?password=N7fKq2Vx"})
    void tlsWithPasswordPasses(String url) {
        Result result = check().with("REDIS_URL", url).result();

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(EnvCheck.list(result, "connections")).containsExactly("REDIS_URL: rediss://cache.acme.io:6380");
    }

    @Test
    void missingPasswordFails() {
        Result result = check().with("REDIS_URL", "rediss://cache.acme.io:6380/0").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("REDIS_URL has no password");
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r).contains("requirepass"));
    }

    @Test
    void userWithoutPasswordIsNoPassword() {
        assertThat(check().with("REDIS_URL", "rediss://default@cache.acme.io:6380").result().summary())
                .isEqualTo("REDIS_URL has no password");
    }

    @Test
    void plaintextToARemoteHostFails() {
        Result result = check().with("REDIS_URL", "redis://:N7fKq2VxL9pWm4Rz@cache.acme.io:6379/0").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("REDIS_URL uses redis://, so data and the password travel unencrypted");
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r).startsWith("Switch REDIS_URL to rediss://"));
    }

    @Test
    void bothProblemsAreReported() {
        Result result = check().with("CELERY_BROKER_URL", "redis://cache.acme.io:6379/1").result();

        assertThat(EnvCheck.list(result, "failures")).hasSize(2);
    }

    @Test
    void loopbackPassesWithoutPasswordOrTls() {
        Result result = check().with("REDIS_URL", "redis://localhost:6379/0").with("CACHE_URL", "redis://127.0.0.1:6379/1")
                .result();

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.summary()).contains("REDIS_URL connects over loopback", "CACHE_URL connects over loopback");
    }

    @Test
    void disabledCertificateVerificationWarns() {
        Result result = check().with("REDIS_TLS_URL", "rediss://:pw12345678@cache.acme.io:6380?ssl_cert_reqs=none")
                .result();

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).contains("ssl_cert_reqs=none");
    }

    @Test
    void otherBrokersAreNotThisProbes() {
        Result result = check().with("CELERY_BROKER_URL", "amqp://guest:guest@rabbit.acme.io:5672//")
                .with("CACHE_URL", "memcached://cache.acme.io:11211").result();

        assertThat(result.status()).isEqualTo(Status.SKIP);
    }

    @Test
    void malformedRedisUrlFails() {
        Result result = check().with("REDIS_URL", "cache.acme.io:6379").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("REDIS_URL is not a URL (expected scheme://host…)");
    }

    @Test
    void noRedisUrlIsSkipped() {
        Result result = check().with("DATABASE_URL", "postgresql://localhost/app").result();

        assertThat(result.status()).isEqualTo(Status.SKIP);
        assertThat(result.summary()).contains("REDIS_URL", "CELERY_BROKER_URL");
    }
}
