package dev.preflight.db.postgres;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.PostgresTestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * postgres.restore-drill restoring real pg_dump outputs into scratch databases of a private server
 * (the one the dumps came from; the target's URL names another port, as a production server would),
 * with pg_restore and psql of PostgreSQL 15.
 */
class RestoreDrillProbeTest {
    private static final Target TARGET = Target.forUrl("postgresql://app@127.0.0.1:1/shop");
    private static RealDumps.Made dumps;
    private static PostgresTestServer server;
    private static Path custom;
    private static Path plain;

    @TempDir
    static Path made;
    @TempDir
    Path directory;

    @BeforeAll
    static void dump() throws Exception {
        dumps = RealDumps.Made.inside(made);
        if (dumps != null) {
            server = dumps.server();
            custom = dumps.custom();
            plain = dumps.plain();
        }
    }

    @AfterAll
    static void stop() {
        if (dumps != null) {
            dumps.close();
        }
    }

    @AfterEach
    void noScratchDatabaseIsLeft() throws IOException {
        if (server != null) {
            assertThat(server.execute("SELECT count(*) FROM pg_database WHERE datname LIKE 'preflight_drill_%'"))
                    .isEqualTo("0");
        }
    }

    @Test
    void withoutAServerItSkips() {
        Result result = ProbeTestKit.forProbe(new RestoreDrillProbe()).target(TARGET).allowWrites(true)
                .setting("directory", directory.toString()).run().result();
        assertThat(result).isSkip().hasSummaryContaining("postgres.restore-drill.server");
    }

    @Test
    void aCustomDumpRestoresWithTheExpectedTablesAndRowsAndIsDropped() throws IOException {
        assumeServer();
        Files.copy(custom, directory.resolve("shop.dump"));
        Result result = drill().setting("tables", "customers, orders").setting("min-rows", "orders=3").run().result();
        assertThat(result).isPass().hasSummaryContaining("shop.dump restored in").hasSummaryContaining("2 tables")
                .hasDetail("tables", 2).hasDetail("dropped", true).hasDetail("format", "custom")
                .hasDetailKey("restoreTime").containsNoText(RealDumps.SUPERUSER_PASSWORD);
    }

    @Test
    void aGzippedPlainDumpRestoresWithPsql() throws IOException {
        assumeServer();
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(directory.resolve("shop.sql.gz")))) {
            out.write(Files.readAllBytes(plain));
        }
        assertThat(drill().setting("tables", "orders").run().result()).isPass().hasDetail("format", "gzip+plain");
    }

    @Test
    void aMissingTableFails() throws IOException {
        assumeServer();
        Files.copy(custom, directory.resolve("shop.dump"));
        Result result = drill().setting("tables", "orders, invoices").run().result();
        assertThat(result).isFail().hasSummaryContaining("without the tables public.invoices")
                .hasDetail("dropped", true);
    }

    @Test
    void tooFewRowsFail() throws IOException {
        assumeServer();
        Files.copy(custom, directory.resolve("shop.dump"));
        assertThat(drill().setting("min-rows", "orders=1000").run().result()).isFail()
                .hasSummaryContaining("public.orders holds 3 rows after the restore, fewer than 1000");
    }

    @Test
    void aDumpCutShortDoesNotRestoreAndFails() throws IOException {
        assumeServer();
        byte[] bytes = Files.readAllBytes(custom);
        Files.write(directory.resolve("shop.dump"), Arrays.copyOf(bytes, bytes.length / 2));
        Result result = drill().run().result();
        assertThat(result).isFail().hasSummaryContaining("did not restore (pg_restore exited with 1")
                .hasDetail("dropped", true).containsNoText(RealDumps.SUPERUSER_PASSWORD);
    }

    @Test
    void aZstdDumpIsNotRestoredAndIsAnErrorNotAFailure() throws IOException {
        assumeServer();
        Files.write(directory.resolve("shop.dump.zst"), new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0, 0});
        assertThat(drill().run().result()).isError().hasSummaryContaining("zstd file, which the drill does not restore");
    }

    @Test
    void itRefusesTheTargetsOwnServer() throws IOException {
        assumeServer();
        Files.copy(custom, directory.resolve("shop.dump"));
        Target own = Target.forUrl("postgresql://app@127.0.0.1:" + server.port() + "/shop");
        Result result = ProbeTestKit.forProbe(new RestoreDrillProbe()).target(own).allowWrites(true)
                .setting("server", scratchUrl(RealDumps.SUPERUSER_PASSWORD)).setting("directory", directory.toString())
                .run().result();
        assertThat(result).isError().hasSummaryContaining("the target's own server");
    }

    @Test
    void aWrongPasswordIsAnErrorWithoutThePassword() throws IOException {
        assumeServer();
        Files.copy(custom, directory.resolve("shop.dump"));
        Result result = ProbeTestKit.forProbe(new RestoreDrillProbe()).target(TARGET).allowWrites(true)
                .setting("server", scratchUrl("wrong-Pw-123")).setting("directory", directory.toString())
                .timeout(Duration.ofSeconds(10)).run().result();
        assertThat(result).isError().containsNoText("wrong-Pw-123");
    }

    private ProbeTestKit drill() {
        return ProbeTestKit.forProbe(new RestoreDrillProbe()).target(TARGET).allowWrites(true)
                .setting("server", scratchUrl(RealDumps.SUPERUSER_PASSWORD)).setting("directory", directory.toString())
                .setting("bin-dir", RealDumps.BIN.toString()).timeout(Duration.ofSeconds(30));
    }

    private static String scratchUrl(String password) {
        return "postgresql://" + PostgresTestServer.SUPERUSER + ":" + password + "@127.0.0.1:" + server.port()
                + "/postgres?sslmode=disable";
    }

    private void assumeServer() {
        RealDumps.assumeAvailable();
    }
}
