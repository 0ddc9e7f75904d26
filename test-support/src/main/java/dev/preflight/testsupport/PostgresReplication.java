package dev.preflight.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** How a {@link PostgresTestServer} becomes a streaming replica of another. Stateless. */
final class PostgresReplication {

    private PostgresReplication() {
    }

    /**
     * Copies the primary's data directory with {@code pg_basebackup -R}, which also writes
     * {@code standby.signal} and the {@code primary_conninfo} that points back over the primary's
     * socket. It runs as the server's user, so the copy is owned by it; the primary's
     * {@code local replication} peer line lets it in.
     *
     * @throws IOException if pg_basebackup fails or outlives {@code timeout}
     */
    static void baseBackup(PostgresTestServer primary, Path scratch, Path data, Duration timeout) throws IOException {
        Commands.run(PostgresInstallation.asServerUser(List.of(PostgresInstallation.binary("pg_basebackup"),
                "-h", primary.socketDirectory().toString(), "-p", String.valueOf(primary.port()),
                "-U", PostgresTestServer.SUPERUSER, "-D", data.toString(), "-R", "-X", "stream",
                // A spread checkpoint on the primary would stretch the start by minutes.
                "--checkpoint=fast", "--no-sync")), scratch, "", Map.of("PGCONNECT_TIMEOUT", "10"), timeout);
    }

    /**
     * Waits until the replica's WAL receiver streams, polling every 20 ms: the replica accepts
     * connections a little before it has connected to its primary.
     *
     * @throws IOException if it does not stream within {@code timeout}, with the replica's log
     */
    static void awaitStreaming(PostgresTestServer replica, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!"streaming".equals(replica.execute("SELECT status FROM pg_stat_wal_receiver"))) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the replica did not stream from its primary within "
                        + timeout.toMillis() + " ms; its log:\n" + replica.log());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the replica to stream", e);
            }
        }
    }
}
