package dev.preflight.db.postgres.internal;

import dev.preflight.probe.Gauge;
import dev.preflight.probe.Result;
import dev.preflight.support.Durations;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The archiving of one server as {@code pg_settings} and {@code pg_stat_archiver} show it, and the
 * verdict of {@code postgres.wal-archiving} on it. Immutable.
 */
public final class WalArchive {
    private static final String SET_UP = "Set archive_mode = on and an archive_command (or archive_library) that"
            + " copies each WAL file to storage off this server, e.g. pgBackRest's archive-push or WAL-G's wal-push.";

    private static final Pattern WAL_NAME = Pattern.compile("[0-9A-F]{24}");

    private final String subject;
    private final Map<String, String> settings;
    private final Row archiver;

    /**
     * @param subject the server, e.g. {@code db.internal:5432}
     * @param settings {@code archive_mode}, {@code archive_command}, {@code archive_library},
     *     {@code wal_segment_size} as visible
     * @param archiver the row of {@code pg_stat_archiver}, with {@code archived_seconds_ago}, {@code failing}
     *     and {@code current_wal} (null on a standby)
     */
    public WalArchive(String subject, Map<String, String> settings, Row archiver) {
        this.subject = subject;
        this.settings = Map.copyOf(settings);
        this.archiver = archiver;
    }

    /**
     * Whether nothing waits to be archived: the WAL file being written is the last archived one or
     * the next, on the same timeline. Names are timeline, log and segment, 8 hex digits each; a log
     * holds 4 GiB of segments.
     */
    private boolean upToDate() {
        String archived = archiver.optional("last_archived_wal").orElse("");
        String current = archiver.optional("current_wal").orElse("");
        long segmentSize;
        try {
            segmentSize = Long.parseLong(settings.getOrDefault("wal_segment_size", "16777216"));
        } catch (NumberFormatException e) {
            return false;
        }
        if (!WAL_NAME.matcher(archived).matches() || !WAL_NAME.matcher(current).matches() || segmentSize <= 0
                || !archived.substring(0, 8).equals(current.substring(0, 8))) {
            return false;
        }
        long perLog = 0x1_0000_0000L / segmentSize;
        long last = Long.parseLong(archived.substring(8, 16), 16) * perLog + Long.parseLong(archived.substring(16), 16);
        long now = Long.parseLong(current.substring(8, 16), 16) * perLog + Long.parseLong(current.substring(16), 16);
        return now == last || now == last + 1;
    }

    /**
     * @param maxAge how long ago the last success may be
     * @return the verdict
     */
    public Result judge(Duration maxAge) {
        String mode = settings.getOrDefault("archive_mode", "unknown");
        Verdicts verdicts = new Verdicts(subject).detail("archiveMode", mode);
        if (!mode.equals("on") && !mode.equals("always")) {
            return verdicts.fail("WAL archiving is off (archive_mode = " + mode + "): no point-in-time recovery,"
                    + " and backup tools that need the WAL stream cannot work", SET_UP).result();
        }
        boolean commandHidden = !settings.containsKey("archive_command");
        boolean command = !settings.getOrDefault("archive_command", "").isBlank();
        boolean library = !settings.getOrDefault("archive_library", "").isBlank();
        verdicts.detail("archiveCommand", commandHidden ? "hidden from this role" : command ? "set" : "empty");
        if (settings.containsKey("archive_library")) {
            verdicts.detail("archiveLibrary", library ? "set" : "empty");
        }
        long archived = archiver.number("archived_count");
        long failed = archiver.number("failed_count");
        verdicts.detail("archivedCount", archived).detail("failedCount", failed).detail("maxAge", Durations.format(maxAge));
        archiver.optional("last_archived_wal").ifPresent(v -> verdicts.detail("lastArchivedWal", v));
        archiver.optional("last_archived_time").ifPresent(v -> verdicts.detail("lastArchivedTime", v));
        archiver.optional("last_failed_wal").ifPresent(v -> verdicts.detail("lastFailedWal", v));
        archiver.optional("last_failed_time").ifPresent(v -> verdicts.detail("lastFailedTime", v));
        archiver.optional("stats_reset").ifPresent(v -> verdicts.detail("statsReset", v));
        if (!commandHidden && !command && !library) {
            return verdicts.fail("archive_mode is on but neither archive_command nor archive_library is set: WAL"
                    + " files pile up on the server and nothing is archived", SET_UP).result();
        }
        if (archiver.flag("failing")) {
            return verdicts.fail("WAL archiving fails: " + failed + " failure" + (failed == 1 ? "" : "s") + " and "
                    + archived + " success" + (archived == 1 ? "" : "es") + " since the statistics were reset; the"
                    + " last attempt, on " + archiver.optional("last_failed_wal").orElse("an unknown WAL file")
                    + ", failed", "Read the server log for the archive command's error, fix it (space, permissions,"
                    + " credentials of the storage), and watch pg_stat_archiver.failed_count stop growing.").result();
        }
        if (archived == 0) {
            return verdicts.warn("archiving is on but no WAL file has been archived since the statistics were reset,"
                    + " so it is not yet shown to work", "Force a WAL switch (SELECT pg_switch_wal()) and check that"
                    + " pg_stat_archiver.archived_count grows.").result();
        }
        Duration age = Duration.ofSeconds(archiver.number("archived_seconds_ago"));
        verdicts.detail("lastArchivedAgo", Durations.format(age))
                .gauge(Gauge.of("postgres_last_archive_age_seconds", age.toSeconds(),
                        "How long ago the server last archived a WAL file, by its own clock"));
        archiver.optional("current_wal").ifPresent(v -> verdicts.detail("currentWal", v));
        if (age.compareTo(maxAge) > 0 && upToDate()) {
            return verdicts.pass("WAL archiving is up to date: the last file archived, "
                    + archiver.get("last_archived_wal") + ", " + Durations.format(age) + " ago, is followed only by"
                    + " the one being written, and no failure since").result();
        }
        if (age.compareTo(maxAge) > 0) {
            return verdicts.fail("the last WAL file was archived " + Durations.format(age) + " ago, longer than "
                    + Durations.format(maxAge), "Check that the archiver runs (pg_stat_archiver, the server log) and"
                    + " that archive_timeout forces a WAL switch at least every max-age.").result();
        }
        verdicts.pass("WAL archiving works: " + archived + " file" + (archived == 1 ? "" : "s") + " archived, the last "
                + archiver.optional("last_archived_wal").orElse("") + " " + Durations.format(age) + " ago, no failure"
                + " since");
        return verdicts.result();
    }
}
