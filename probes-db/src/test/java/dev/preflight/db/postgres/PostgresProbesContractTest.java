package dev.preflight.db.postgres;

import dev.preflight.probe.Probe;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeContractTest;
import java.util.List;
import java.util.Map;

/**
 * Preflight's probe contract for every PostgreSQL probe, against a server that accepts and never answers
 * (postgres.backups: a pgBackRest command that never ends).
 */
class PostgresProbesContractTest extends ProbeContractTest {

    @Override
    protected List<Probe> probes() {
        return List.of(new PostgresTlsProbe(), new PostgresAuthProbe(), new WalArchivingProbe(),
                new PostgresSettingsProbe(), new PostgresBackupsProbe());
    }

    @Override
    protected Map<String, String> settingsFor(Probe probe) {
        // postgres.backups reads no server: a pgBackRest command that never ends meets the deadline instead.
        return probe instanceof PostgresBackupsProbe ? Map.of("pgbackrest-command", "/bin/sleep 60") : Map.of();
    }

    @Override
    protected Target targetFor(Probe probe, ContractTargets targets) {
        // verify-full, so postgres.tls meets the silence on its own handshake as well as on the login.
        return Target.forUrl("postgresql://app:" + targets.plantedPassword() + "@" + targets.silentServer()
                + "/app?sslmode=verify-full");
    }
}
