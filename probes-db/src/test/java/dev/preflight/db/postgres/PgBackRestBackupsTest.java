package dev.preflight.db.postgres;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ProbeTestKit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * postgres.backups reading pgBackRest's {@code info --output=json}, from a file and from a command,
 * in the shape pgBackRest documents: an array of stanzas with {@code status.code} and
 * {@code backup[]} ({@code label}, {@code type}, {@code timestamp.start/stop}, {@code error}).
 */
class PgBackRestBackupsTest {
    private static final Target TARGET = Target.forUrl("postgresql://app@127.0.0.1:5432/shop");

    @TempDir
    Path dir;

    @Test
    void aRecentBackupOfAnOkStanzaPasses() throws IOException {
        Result result = fromFile(info("main", 0, "ok", backup("20261205-010000F", "full", hoursAgo(30), false)
                + "," + backup("20261206-010000I", "incr", hoursAgo(5), false)));
        assertThat(result).isPass().hasSummaryContaining("last incr backup of 'main' finished 5h ago");
        assertThat(result.details().get("pgbackrest").toString()).contains("lastLabel=20261206-010000I");
    }

    @Test
    void aLastBackupWithErrorsFails() throws IOException {
        Result result = fromFile(info("main", 0, "ok", backup("20261206-010000F", "full", hoursAgo(2), true)));
        assertThat(result).isFail().hasSummaryContaining("(20261206-010000F) has errors");
    }

    @Test
    void aStaleLastBackupFails() throws IOException {
        Result result = fromFile(info("main", 0, "ok", backup("20261201-010000F", "full", hoursAgo(120), false)));
        assertThat(result).isFail().hasSummaryContaining("finished 5d ago, more than 1d 2h");
    }

    @Test
    void aStanzaStatusOtherThanZeroFails() throws IOException {
        Result result = fromFile(info("main", 2, "no valid backups", ""));
        assertThat(result).isFail().hasSummaryContaining("stanza 'main' has status 2 (no valid backups)");
    }

    @Test
    void theNamedStanzaIsJudgedAndAMissingOneFails() throws IOException {
        String two = "[" + stanza("main", 0, "ok", backup("20261206-010000F", "full", hoursAgo(1), false)) + ","
                + stanza("old", 1, "missing stanza path", "") + "]";
        Path file = Files.writeString(dir.resolve("info.json"), two);
        assertThat(run("pgbackrest-info", file.toString(), "stanza", "main")).isPass();
        assertThat(run("pgbackrest-info", file.toString())).isFail().hasSummaryContaining("'old' has status 1");
        assertThat(run("pgbackrest-info", file.toString(), "stanza", "other")).isFail()
                .hasSummaryContaining("lists no stanza 'other'");
    }

    @Test
    void somethingElseThanItsJsonFails() throws IOException {
        Path file = Files.writeString(dir.resolve("info.json"), "stanza: main\n    status: ok\n");
        assertThat(run("pgbackrest-info", file.toString())).isFail().hasSummaryContaining("not pgBackRest's info JSON");
        Files.writeString(file, "{\"name\": \"main\"}");
        assertThat(run("pgbackrest-info", file.toString())).isFail().hasSummaryContaining("not an array of stanzas");
    }

    @Test
    void aCommandsOutputIsJudgedTheSameWay() throws IOException {
        Path file = Files.writeString(dir.resolve("info.json"),
                "[" + stanza("main", 0, "ok", backup("20261206-010000F", "full", hoursAgo(1), false)) + "]");
        assertThat(run("pgbackrest-command", "/bin/cat " + file)).isPass().hasSummaryContaining("finished 1h ago");
    }

    @Test
    void aFailingCommandIsAnError() {
        assertThat(run("pgbackrest-command", "/bin/sh -c false")).isError().hasSummaryContaining("exited with 1");
        assertThat(run("pgbackrest-command", "/nonexistent/pgbackrest info")).isError();
    }

    @Test
    void aCommandThatHangsEndsAtTheDeadline() {
        long start = System.nanoTime();
        Result result = ProbeTestKit.forProbe(new PostgresBackupsProbe()).target(TARGET)
                .setting("pgbackrest-command", "/bin/sleep 30").timeout(Duration.ofSeconds(2)).run().result();
        assertThat(result).isError();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    }

    private Result fromFile(String json) throws IOException {
        return run("pgbackrest-info", Files.writeString(dir.resolve("info.json"), json).toString());
    }

    private static Result run(String... settings) {
        ProbeTestKit kit = ProbeTestKit.forProbe(new PostgresBackupsProbe()).target(TARGET)
                .timeout(Duration.ofSeconds(5));
        for (int i = 0; i < settings.length; i += 2) {
            kit.setting(settings[i], settings[i + 1]);
        }
        return kit.run().result();
    }

    private static String info(String name, int code, String message, String backups) {
        return "[" + stanza(name, code, message, backups) + "]";
    }

    private static String stanza(String name, int code, String message, String backups) {
        return "{\"archive\":[],\"backup\":[" + backups + "],\"cipher\":\"none\",\"db\":[{\"id\":1,\"system-id\":1,"
                + "\"version\":\"15\"}],\"name\":\"" + name + "\",\"repo\":[{\"cipher\":\"none\",\"key\":1,\"status\":"
                + "{\"code\":" + code + ",\"message\":\"" + message + "\"}}],\"status\":{\"code\":" + code
                + ",\"lock\":{\"backup\":{\"held\":false}},\"message\":\"" + message + "\"}}";
    }

    private static String backup(String label, String type, long stop, boolean error) {
        return "{\"archive\":{\"start\":\"000000010000000000000002\",\"stop\":\"000000010000000000000003\"},"
                + "\"backrest\":{\"format\":5,\"version\":\"2.54.0\"},\"database\":{\"id\":1,\"repo-key\":1},"
                + "\"error\":" + error + ",\"info\":{\"delta\":100,\"size\":100},\"label\":\"" + label + "\","
                + "\"prior\":null,\"reference\":null,\"timestamp\":{\"start\":" + (stop - 60) + ",\"stop\":" + stop
                + "},\"type\":\"" + type + "\"}";
    }

    private static long hoursAgo(int hours) {
        return Instant.now().minus(Duration.ofHours(hours)).getEpochSecond();
    }
}
