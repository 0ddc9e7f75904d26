package dev.preflight.db.postgres;

import dev.preflight.probe.Probe;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeContractTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Preflight's probe contract for every PostgreSQL probe, against a server that accepts and never answers
 * (postgres.backups: a pgBackRest command that never ends; postgres.restore-drill: a scratch server that
 * never answers).
 */
class PostgresProbesContractTest extends ProbeContractTest {
    /** A directory with one dump (a custom-format header) for the restore drill to find. */
    private static final Path DUMPS = dumps();

    @Override
    protected List<Probe> probes() {
        return List.of(new PostgresTlsProbe(), new PostgresAuthProbe(), new WalArchivingProbe(),
                new PostgresSettingsProbe(), new PostgresBackupsProbe(), new RestoreDrillProbe(),
                new PostgresMigrationsProbe(), new PostgresReplicationProbe());
    }

    @Override
    protected Map<String, String> settingsFor(Probe probe) {
        // postgres.backups reads no server: a pgBackRest command that never ends meets the deadline instead.
        return probe instanceof PostgresBackupsProbe ? Map.of("pgbackrest-command", "/bin/sleep 60") : Map.of();
    }

    @Override
    protected Target targetFor(Probe probe, ContractTargets targets) {
        if (probe instanceof RestoreDrillProbe) {
            // The drill refuses the target's own server: the silent server is the scratch server here.
            return Target.builder("shop", TargetKind.POSTGRES)
                    .uri(URI.create("postgresql://app:" + targets.plantedPassword() + "@127.0.0.1:1/app"))
                    .setting("postgres.restore-drill.server", "postgresql://app:" + targets.plantedPassword() + "@"
                            + targets.silentServer() + "/postgres?sslmode=disable")
                    .setting("postgres.restore-drill.directory", DUMPS.toString()).build();
        }
        // verify-full, so postgres.tls meets the silence on its own handshake as well as on the login.
        return Target.forUrl("postgresql://app:" + targets.plantedPassword() + "@" + targets.silentServer()
                + "/app?sslmode=verify-full");
    }

    private static Path dumps() {
        try {
            Path directory = Files.createTempDirectory("preflight-contract-dumps");
            Path dump = Files.write(directory.resolve("shop.dump"), "PGDMP\u0001\u000e".getBytes(StandardCharsets.US_ASCII));
            dump.toFile().deleteOnExit();
            directory.toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
