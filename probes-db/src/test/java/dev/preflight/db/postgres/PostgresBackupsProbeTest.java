package dev.preflight.db.postgres;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.PostgresTestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * postgres.backups against directories of dumps made by the real pg_dump (custom, directory, plain,
 * gzip'd plain), stale, empty and corrupt copies of them, and pgBackRest info documents.
 */
class PostgresBackupsProbeTest {
    private static final Target TARGET = Target.forUrl("postgresql://app@127.0.0.1:5432/shop");
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

    @Test
    void withoutASettingItSkipsSayingHowToConfigure() {
        Result result = ProbeTestKit.forProbe(new PostgresBackupsProbe()).target(TARGET).run().result();
        assertThat(result).isSkip().hasSummaryContaining("postgres.backups.directory")
                .hasSummaryContaining("postgres.backups.pgbackrest-info");
    }

    @Test
    void aFreshCustomFormatDumpPasses() throws IOException {
        assumeDumps();
        Files.copy(custom, directory.resolve("shop-2026-12-05.dump"));
        assertThat(run()).isPass().hasSummaryContaining("shop-2026-12-05.dump (custom)")
                .hasDetail("format", "custom").hasDetail("dumps", 1).hasGauge("backup_age_seconds", age -> age >= 0);
    }

    @Test
    void aDirectoryFormatDumpPasses() throws Exception {
        assumeDumps();
        RealDumps.dump(server, "d", directory.resolve("shop.dir"));
        assertThat(run()).isPass().hasDetail("format", "directory").hasDetail("newest", "shop.dir");
    }

    @Test
    void aGzippedPlainDumpIsReadToItsEndAndPasses() throws IOException {
        assumeDumps();
        gzip(Files.readAllBytes(plain), directory.resolve("shop.sql.gz"));
        assertThat(run()).isPass().hasDetail("format", "gzip+plain");
    }

    @Test
    void onlyTheNewestCountsAndAStaleOneFails() throws IOException {
        assumeDumps();
        Path old = Files.copy(custom, directory.resolve("older.dump"));
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(3))));
        Path stale = Files.copy(custom, directory.resolve("stale.dump"));
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(30))));

        assertThat(run()).isFail().hasSummaryContaining("stale.dump, is 1d 6h old, more than 1d 2h")
                .hasDetail("dumps", 2).hasDetail("newest", "stale.dump");
    }

    @Test
    void maxAgeIsASetting() throws IOException {
        assumeDumps();
        Path dump = Files.copy(custom, directory.resolve("shop.dump"));
        Files.setLastModifiedTime(dump, FileTime.from(Instant.now().minus(Duration.ofHours(30))));
        Result result = ProbeTestKit.forProbe(new PostgresBackupsProbe()).target(TARGET)
                .setting("directory", directory.toString()).setting("max-age", "2d").run().result();
        assertThat(result).isPass().hasDetail("maxAge", "2d")
                .hasGauge("backup_age_seconds", age -> Math.abs(age - Duration.ofHours(30).toSeconds()) < 600);
    }

    @Test
    void anEmptyDumpFails() throws IOException {
        Files.write(directory.resolve("shop.dump"), new byte[0]);
        assertThat(run()).isFail().hasSummaryContaining("shop.dump, is not usable: the file is empty");
    }

    @Test
    void aTruncatedGzipStreamFails() throws IOException {
        assumeDumps();
        Path whole = made.resolve("whole.sql.gz");
        gzip(Files.readAllBytes(plain), whole);
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(directory.resolve("shop.sql.gz"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
        assertThat(run()).isFail().hasSummaryContaining("gzip stream is truncated");
    }

    @Test
    void aCorruptGzipStreamFails() throws IOException {
        assumeDumps();
        Path whole = made.resolve("corrupt.sql.gz");
        gzip(Files.readAllBytes(plain), whole);
        byte[] bytes = Files.readAllBytes(whole);
        bytes[bytes.length - 6] ^= 0x55; // in the CRC-32 of the trailer
        Files.write(directory.resolve("shop.sql.gz"), bytes);
        assertThat(run()).isFail().hasSummaryContaining("gzip stream is corrupt");
    }

    @Test
    void aPlainDumpCutShortFails() throws IOException {
        assumeDumps();
        byte[] bytes = Files.readAllBytes(plain);
        Files.write(directory.resolve("shop.sql"), Arrays.copyOf(bytes, bytes.length - 200));
        assertThat(run()).isFail().hasSummaryContaining("the SQL dump is truncated");
    }

    @Test
    void aFileWithAnotherHeaderFails() throws IOException {
        Files.writeString(directory.resolve("shop.dump"), "<html>502 Bad Gateway</html>\n");
        assertThat(run()).isFail().hasSummaryContaining("no pg_dump header").hasDetail("format", "unknown");
    }

    @Test
    void aGzipOfSomethingElseFails() throws IOException {
        gzip("not a dump at all\n".getBytes(StandardCharsets.UTF_8), directory.resolve("shop.sql.gz"));
        assertThat(run()).isFail().hasSummaryContaining("no pg_dump header").hasDetail("format", "gzip+unknown");
    }

    @Test
    void aZstdDumpIsNotVerifiedAndWarns() throws IOException {
        Files.write(directory.resolve("shop.dump.zst"), new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 0, 0, 0});
        assertThat(run()).isWarn().hasSummaryContaining("zstd").hasDetail("format", "zstd");
    }

    @Test
    void aGzipLongerThanTheReadLimitWarns() throws IOException {
        byte[] big = new byte[3 * 1024 * 1024];
        new java.util.Random(7).nextBytes(big);
        byte[] header = "--\n-- PostgreSQL database dump\n--\n".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(header, 0, big, 0, header.length);
        gzip(big, directory.resolve("shop.sql.gz"));
        Result result = ProbeTestKit.forProbe(new PostgresBackupsProbe()).target(TARGET)
                .setting("directory", directory.toString()).setting("read-limit-mb", "1").run().result();
        assertThat(result).isWarn().hasSummaryContaining("not read to its end");
    }

    @Test
    void aDirectoryWithoutDumpsFails() throws IOException {
        Files.writeString(directory.resolve(".hidden.dump"), "x");
        assertThat(run()).isFail().hasSummaryContaining("no dump in").hasDetail("dumps", 0);
    }

    @Test
    void theGlobChoosesTheDumps() throws IOException {
        assumeDumps();
        Files.copy(custom, directory.resolve("shop.dump"));
        Files.writeString(directory.resolve("shop.dump.sha256"), "abc  shop.dump\n");
        Result result = ProbeTestKit.forProbe(new PostgresBackupsProbe()).target(TARGET)
                .setting("directory", directory.toString()).setting("pattern", "*.dump").run().result();
        assertThat(result).isPass().hasDetail("newest", "shop.dump");
    }

    @Test
    void aMissingDirectoryFails() {
        Result result = ProbeTestKit.forProbe(new PostgresBackupsProbe()).target(TARGET)
                .setting("directory", directory.resolve("nope").toString()).run().result();
        assertThat(result).isFail().hasSummaryContaining("does not exist");
    }

    private void assumeDumps() {
        RealDumps.assumeAvailable();
    }

    private Result run() {
        return ProbeTestKit.forProbe(new PostgresBackupsProbe()).target(TARGET)
                .setting("directory", directory.toString()).timeout(Duration.ofSeconds(10)).run().result();
    }

    private static void gzip(byte[] content, Path file) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
    }
}
