package dev.preflight.db.redis;

import dev.preflight.probe.Probe;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeContractTest;
import java.util.List;

/**
 * Preflight's probe contract for every Redis probe, against a server that accepts connections and
 * never answers, with a password planted in the URL. {@code redis.tls} gets a {@code rediss://} URL:
 * over {@code redis://} to loopback it has nothing to ask.
 */
class RedisProbesContractTest extends ProbeContractTest {

    @Override
    protected List<Probe> probes() {
        return List.of(new RedisAuthProbe(), new RedisTlsProbe(), new RedisPersistenceProbe(), new RedisMemoryProbe(),
                new RedisDangerousCommandsProbe(), new RedisVersionProbe());
    }

    @Override
    protected Target targetFor(Probe probe, ContractTargets targets) {
        String scheme = probe instanceof RedisTlsProbe ? "rediss" : "redis";
        return Target.forUrl(scheme + "://app:" + targets.plantedPassword() + "@" + targets.silentServer());
    }
}
