package dev.preflight.db.postgres;

import dev.preflight.db.postgres.internal.Ages;
import dev.preflight.db.postgres.internal.BackupAges;
import dev.preflight.db.postgres.internal.BoundedCommand;
import dev.preflight.db.postgres.internal.DumpCheck;
import dev.preflight.db.postgres.internal.DumpDirectory;
import dev.preflight.db.postgres.internal.DumpReader;
import dev.preflight.db.postgres.internal.MalformedAnswerException;
import dev.preflight.db.postgres.internal.PgBackRestInfo;
import dev.preflight.db.postgres.internal.PostgresUrl;
import dev.preflight.db.postgres.internal.Verdicts;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.ProbeSettings;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code postgres.backups}: recent, usable backups of the database exist. It reads where the
 * backups are kept, never the server: the settings of the PostgreSQL target name the place, and at
 * least one must be set (a backup directory is no target of its own).
 *
 * <p>Settings: {@code directory}, a directory of {@code pg_dump} outputs, with {@code pattern}, a
 * glob of their names ({@code *}: every file but hidden ones; directory-format dumps are the
 * subdirectories holding a {@code toc.dat}); {@code pgbackrest-info}, a file holding the output of
 * {@code pgbackrest info --output=json}; {@code pgbackrest-command}, a command that prints it, run
 * without a shell (words split on white space), with the probe's deadline, its output bounded to
 * 4 MiB; {@code stanza}, the pgBackRest stanza to judge (every one by default); {@code max-age},
 * how old the newest backup may be ({@code 26h}, a daily backup with slack); {@code read-limit-mb},
 * how much of a gzip dump is read through (1024).
 *
 * <p>PASS: every configured source shows a backup within {@code max-age} that reads as usable: the
 * newest dump not empty, its header that of a custom, directory, tar or plain SQL dump (a plain one
 * ending with pg_dump's {@code dump complete} line), a gzip one read through to its end intact; the
 * last pgBackRest backup of each stanza without error, the stanza's status 0. WARN: the newest dump
 * could not be verified in full (compressed with zstd, lz4, xz or bzip2, which are not read, or a
 * gzip stream longer than the read limit or the deadline). FAIL: the directory is missing or holds
 * no dump; the newest is older than {@code max-age}, empty, truncated, corrupt or has no dump
 * header; a stanza's status is not 0, it has no backup, its last backup has errors or is older than
 * {@code max-age}; the pgBackRest output is not its JSON. ERROR: the directory or file cannot be
 * read, the command cannot run, fails or outlives the deadline. SKIP: no source configured, with
 * how to configure one.
 *
 * <p>Details: {@code maxAge}; for a directory {@code directory}, {@code dumps}, {@code newest},
 * {@code newestAge}, {@code newestBytes}, {@code format}; for pgBackRest {@code pgbackrest}, per
 * stanza its {@code stanza}, {@code status}, {@code backups}, {@code lastLabel}, {@code lastType},
 * {@code lastAge}.
 *
 * <p>Stateless and thread-safe.
 *
 * <p>Gauge (for {@code preflight serve}): {@code backup_age_seconds} with the label {@code kind} ({@code dump}, or {@code pgbackrest} with {@code stanza}).
 *
 * @since 0.2
 */
public final class PostgresBackupsProbe implements Probe {
    private static final Duration DEFAULT_MAX_AGE = Duration.ofHours(26);
    private static final long OUTPUT_LIMIT = 4L * 1024 * 1024;

    @Override
    public String id() {
        return "postgres.backups";
    }

    @Override
    public String title() {
        return "Recent, readable backups of the PostgreSQL database exist";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.POSTGRES;
    }

    @Override
    public Result check(ProbeContext context) throws Exception {
        ProbeSettings settings = context.settings();
        Optional<String> directory = settings.string("directory");
        Optional<String> infoFile = settings.string("pgbackrest-info");
        Optional<String> command = settings.string("pgbackrest-command");
        if (directory.isEmpty() && infoFile.isEmpty() && command.isEmpty()) {
            return Result.skip("no backup location configured: set postgres.backups.directory (a directory of"
                    + " pg_dump files), postgres.backups.pgbackrest-info (a file of 'pgbackrest info --output=json')"
                    + " or postgres.backups.pgbackrest-command under the target's settings");
        }
        Duration maxAge = settings.duration("max-age", DEFAULT_MAX_AGE);
        Verdicts verdicts = new Verdicts(subject(context)).detail("maxAge", Ages.of(maxAge));
        Instant now = context.clock().instant();
        if (directory.isPresent()) {
            judgeDirectory(context, verdicts, Path.of(directory.get()), now, maxAge);
        }
        if (infoFile.isPresent()) {
            judgePgBackRest(context, verdicts, infoFile.get(), readBounded(Path.of(infoFile.get())), now, maxAge);
        }
        if (command.isPresent()) {
            BoundedCommand.Outcome run = new BoundedCommand(BoundedCommand.split(command.get()), Map.of(), OUTPUT_LIMIT)
                    .run(context.remaining());
            if (run.exitCode() != 0) {
                return Result.builder(Status.ERROR).subject(subject(context))
                        .summary("the pgBackRest command exited with " + run.exitCode()
                                + (run.firstErrorLine().isEmpty() ? "" : ": " + run.firstErrorLine()))
                        .build();
            }
            judgePgBackRest(context, verdicts, "the pgBackRest command", run.output(), now, maxAge);
        }
        return verdicts.result();
    }

    private static void judgeDirectory(ProbeContext context, Verdicts verdicts, Path directory, Instant now,
            Duration maxAge) throws IOException {
        verdicts.detail("directory", directory.toString());
        DumpDirectory dumps = new DumpDirectory(directory, context.settings().string("pattern").orElse("*"));
        List<DumpDirectory.Dump> found;
        try {
            found = dumps.dumps();
        } catch (NoSuchFileException e) {
            verdicts.fail("the backup directory " + directory + " does not exist",
                    "Point postgres.backups.directory at the directory the backup job writes to.");
            return;
        }
        verdicts.detail("dumps", found.size());
        if (found.isEmpty()) {
            verdicts.fail("no dump in " + directory, "Schedule pg_dump (e.g. daily: pg_dump -Fc) into " + directory
                    + ", or correct postgres.backups.pattern.");
            return;
        }
        DumpDirectory.Dump newest = found.get(0);
        String name = newest.path().getFileName().toString();
        Duration age = Duration.between(newest.modified().toInstant(), now);
        verdicts.detail("newest", name).detail("newestAge", Ages.of(age)).detail("newestBytes", newest.size())
                .gauge(BackupAges.gauge(age, "dump"));
        if (age.compareTo(maxAge) > 0) {
            verdicts.fail("the newest dump, " + name + ", is " + Ages.of(age) + " old, more than " + Ages.of(maxAge),
                    "Check that the backup job still runs (cron or timer) and look at its log.");
        }
        int megabytes = context.settings().integer("read-limit-mb", 1024);
        if (megabytes <= 0) {
            throw context.settings().invalid("read-limit-mb", "must be positive");
        }
        long limit = megabytes * 1024L * 1024L;
        DumpCheck check = new DumpReader(limit, context.deadline(), context.clock()).check(newest.path());
        verdicts.detail("format", check.format());
        switch (check.status()) {
            case FAIL -> verdicts.fail("the newest dump, " + name + ", is not usable: " + check.note(),
                    "Look at the backup job's log (disk full, killed mid-run?) and take a new dump.");
            case WARN -> verdicts.warn("the newest dump, " + name + ", was not verified in full: " + check.note(),
                    "Test-restore it (postgres.restore-drill), or raise postgres.backups.read-limit-mb or the"
                            + " timeout.");
            default -> verdicts.pass("the newest dump, " + name + " (" + check.format() + "), is " + Ages.of(age)
                    + " old and reads as complete");
        }
    }

    private static void judgePgBackRest(ProbeContext context, Verdicts verdicts, String source, String json,
            Instant now, Duration maxAge) {
        try {
            PgBackRestInfo.parse(json).judge(verdicts, source, context.settings().string("stanza"), now, maxAge);
        } catch (MalformedAnswerException e) {
            verdicts.fail(source + " is not pgBackRest's info JSON: " + e.getMessage(),
                    "Give the output of 'pgbackrest info --output=json'.");
        }
    }

    private static String readBounded(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) OUTPUT_LIMIT + 1);
            if (bytes.length > OUTPUT_LIMIT) {
                throw new IOException(file + " is larger than " + OUTPUT_LIMIT + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static String subject(ProbeContext context) {
        try {
            return PostgresUrl.of(context.target()).map(PostgresUrl::endpoint).orElse(context.target().name());
        } catch (IllegalArgumentException e) {
            return context.target().name();
        }
    }
}
