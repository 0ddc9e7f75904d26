package dev.preflight.db.postgres.internal;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import dev.preflight.probe.Result;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The age rule of postgres.wal-archiving: an old success is fine only while no finished WAL file waits. */
class WalArchiveTest {
    private static final Map<String, String> ON = Map.of("archive_mode", "on", "archive_command", "cp %p /a/%f",
            "wal_segment_size", "16777216");

    @Test
    void theNextFileOnlyIsNothingPending() {
        assertThat(judge("0000000100000000000000FE", "0000000100000000000000FF")).isPass()
                .hasSummaryContaining("up to date");
    }

    @Test
    void aLogBoundaryIsCountedAcross() {
        // 16 MiB segments: 256 to a log, so ...00FF is followed by the next log's ...0000.
        assertThat(judge("0000000100000000000000FF", "000000010000000100000000")).isPass();
        assertThat(judge("0000000100000000000000FE", "000000010000000100000000")).isFail()
                .hasSummaryContaining("archived 2h ago");
    }

    @Test
    void twoFilesAheadOrAnotherTimelineFails() {
        assertThat(judge("000000010000000000000003", "000000010000000000000005")).isFail();
        assertThat(judge("000000010000000000000003", "000000020000000000000004")).isFail();
    }

    @Test
    void aStandbyWithoutCurrentWalFailsOnAge() {
        assertThat(judge("000000010000000000000003", null)).isFail();
    }

    @Test
    void whatTheCommandSaysNeverShows() {
        assertThat(judge("000000010000000000000003", "000000010000000000000004")).containsNoText("cp %p");
    }

    private static Result judge(String archived, String current) {
        Map<String, String> row = new HashMap<>();
        row.put("archived_count", "12");
        row.put("failed_count", "0");
        row.put("last_archived_wal", archived);
        row.put("last_archived_time", "2026-12-06T05:00:00Z");
        row.put("last_failed_wal", null);
        row.put("last_failed_time", null);
        row.put("stats_reset", null);
        row.put("archived_seconds_ago", "7200");
        row.put("failing", "f");
        row.put("current_wal", current);
        return new WalArchive("db:5432", ON, new Row(row)).judge(Duration.ofHours(1));
    }
}
