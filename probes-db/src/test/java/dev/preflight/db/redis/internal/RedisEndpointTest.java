package dev.preflight.db.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import org.junit.jupiter.api.Test;

class RedisEndpointTest {

    @Test
    void readsUserAndPasswordFromTheUrl() {
        RedisEndpoint endpoint = RedisEndpoint.of(Target.forUrl("rediss://app:p%40ss%3Aw+rd@cache.internal:6380/2"))
                .orElseThrow();

        assertThat(endpoint.host()).isEqualTo("cache.internal");
        assertThat(endpoint.port()).isEqualTo(6380);
        assertThat(endpoint.tls()).isTrue();
        assertThat(endpoint.user()).contains("app");
        assertThat(endpoint.password().map(Secret::reveal)).contains("p@ss:w+rd");
        assertThat(endpoint.address()).isEqualTo("cache.internal:6380");
    }

    @Test
    void aLonePasswordOrAnEmptyUserMeansTheDefaultUser() {
        RedisEndpoint alone = RedisEndpoint.of(Target.forUrl("redis://s3cret@10.0.0.5")).orElseThrow();
        RedisEndpoint emptyUser = RedisEndpoint.of(Target.forUrl("redis://:s3cret@10.0.0.5")).orElseThrow();

        assertThat(alone.user()).isEmpty();
        assertThat(alone.password().map(Secret::reveal)).contains("s3cret");
        assertThat(alone.port()).isEqualTo(6379);
        assertThat(emptyUser.user()).isEmpty();
        assertThat(emptyUser.password().map(Secret::reveal)).contains("s3cret");
    }

    @Test
    void withoutCredentialsInTheUrlTheTargetsSecretApplies() {
        Target target = Target.builder("cache", TargetKind.REDIS)
                .uri(java.net.URI.create("redis://cache.internal:6379"))
                .attribute("username", "worker").secret("password", Secret.of("from-env")).build();

        RedisEndpoint endpoint = RedisEndpoint.of(target).orElseThrow();

        assertThat(endpoint.user()).contains("worker");
        assertThat(endpoint.password().map(Secret::reveal)).contains("from-env");
        assertThat(endpoint.hasCredentials()).isTrue();
    }

    @Test
    void loopbackIsJudgedOnTheNameInTheUrl() {
        assertThat(RedisEndpoint.of(Target.forUrl("redis://127.0.0.2:6379")).orElseThrow().isLoopbackName()).isTrue();
        assertThat(RedisEndpoint.of(Target.forUrl("redis://[::1]:6379")).orElseThrow().isLoopbackName()).isTrue();
        assertThat(RedisEndpoint.of(Target.forUrl("redis://localhost")).orElseThrow().isLoopbackName()).isTrue();
        assertThat(RedisEndpoint.of(Target.forUrl("redis://10.0.0.5")).orElseThrow().isLoopbackName()).isFalse();
        assertThat(RedisEndpoint.of(Target.forUrl("redis://cache.internal")).orElseThrow().isLoopbackName())
                .isFalse();
    }

    @Test
    void aTargetWithoutARedisUrlHasNoEndpoint() {
        assertThat(RedisEndpoint.of(Target.builder("cache", TargetKind.REDIS).build())).isEmpty();
    }
}
