package dev.preflight.db.postgres;

import dev.preflight.probe.Probe;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeContractTest;
import java.util.List;

/** Preflight's probe contract for every PostgreSQL probe, against a server that accepts and never answers. */
class PostgresProbesContractTest extends ProbeContractTest {

    @Override
    protected List<Probe> probes() {
        return List.of(new PostgresTlsProbe(), new PostgresAuthProbe(), new WalArchivingProbe(),
                new PostgresSettingsProbe(), new PostgresMigrationsProbe(), new PostgresReplicationProbe());
    }

    @Override
    protected Target targetFor(Probe probe, ContractTargets targets) {
        // verify-full, so postgres.tls meets the silence on its own handshake as well as on the login.
        return Target.forUrl("postgresql://app:" + targets.plantedPassword() + "@" + targets.silentServer()
                + "/app?sslmode=verify-full");
    }
}
