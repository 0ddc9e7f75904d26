package dev.preflight.db.postgres;

import dev.preflight.db.postgres.internal.PostgresSession;
import dev.preflight.db.postgres.internal.PostgresUrl;
import dev.preflight.db.postgres.internal.Row;
import dev.preflight.db.postgres.internal.WalArchive;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import java.time.Duration;
import java.util.Map;

/**
 * {@code postgres.wal-archiving}: the server archives its write-ahead log, and the archiver works
 * now, which point-in-time recovery and most backup tools (pgBackRest, WAL-G, Barman) need.
 *
 * <p>Reads {@code archive_mode}, {@code archive_command}, {@code archive_library} and
 * {@code archive_timeout} from {@code pg_settings}, and {@code pg_stat_archiver} (readable by any
 * role). Setting: {@code max-age}, how long ago the last WAL file may have been archived; default
 * twice {@code archive_timeout} when that is set (archiving then happens at least that often on a
 * server that writes), else 1 h. An older last success still passes when nothing waits to be
 * archived: the WAL file being written is the archived one or the next ({@code pg_current_wal_lsn}),
 * as on a server that has written little since.
 *
 * <p>PASS: archiving on, a command or library set, the last success within {@code max-age}, and no
 * failure since. WARN: archiving is on but no WAL file has been archived since the statistics were
 * reset, and none failed: it is not yet shown to work. FAIL: {@code archive_mode}
 * is off; it is on with neither command nor library (WAL piles up on the server); the last attempt
 * failed (with the failure count and the failing WAL file); the last success is older than
 * {@code max-age} while finished WAL files wait to be archived. ERROR: the server cannot be reached, refuses the login, or does not answer before
 * the deadline. SKIP: a target without a {@code postgresql://} URL of one host. Details:
 * {@code archiveMode}, {@code archiveCommand} and {@code archiveLibrary} (set, empty, or hidden
 * from the role; never their text), {@code archivedCount}, {@code lastArchivedWal}, {@code lastArchivedTime},
 * {@code failedCount}, {@code lastFailedWal}, {@code lastFailedTime}, {@code currentWal}, {@code maxAge}.
 *
 * <p>Stateless and thread-safe.
 *
 * <p>Gauge (for {@code preflight serve}): {@code postgres_last_archive_age_seconds}, once a file has been archived.
 *
 * @since 0.2
 */
public final class WalArchivingProbe extends PostgresProbe {
    private static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);

    @Override
    public String id() {
        return "postgres.wal-archiving";
    }

    @Override
    public String title() {
        return "PostgreSQL archives its WAL, and the last archiving succeeded recently";
    }

    @Override
    Result check(ProbeContext context, PostgresUrl url) throws Exception {
        record Read(Map<String, String> settings, Row archiver) {
        }
        Read read = PostgresSession.of(context, url).use(context, sql -> new Read(
                sql.settings("archive_mode", "archive_command", "archive_library", "archive_timeout", "wal_segment_size"),
                sql.row("SELECT archived_count, last_archived_wal, " + utc("last_archived_time") + ", failed_count,"
                        + " last_failed_wal, " + utc("last_failed_time") + ", " + utc("stats_reset") + ","
                        + " EXTRACT(EPOCH FROM now() - last_archived_time)::bigint AS archived_seconds_ago,"
                        + " (last_failed_time IS NOT NULL AND (last_archived_time IS NULL"
                        + " OR last_failed_time > last_archived_time)) AS failing,"
                        // A standby has no current WAL of its own; it archives only with archive_mode = always.
                        + " CASE WHEN pg_is_in_recovery() THEN NULL ELSE pg_walfile_name(pg_current_wal_lsn()) END"
                        + " AS current_wal FROM pg_stat_archiver")));
        return new WalArchive(url.endpoint(), read.settings(), read.archiver())
                .judge(maxAge(context, read.settings()));
    }

    /** Ages come from the server's clock, against which it stamped the times; these are for reading. */
    private static String utc(String column) {
        return "to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS " + column;
    }

    private static Duration maxAge(ProbeContext context, Map<String, String> settings) {
        long timeout = 0;
        try {
            timeout = Long.parseLong(settings.getOrDefault("archive_timeout", "0"));
        } catch (NumberFormatException e) {
            // An unreadable value: the default then.
        }
        Duration fallback = timeout > 0 ? Duration.ofSeconds(timeout * 2) : DEFAULT_MAX_AGE;
        return context.settings().duration("max-age", fallback);
    }
}
