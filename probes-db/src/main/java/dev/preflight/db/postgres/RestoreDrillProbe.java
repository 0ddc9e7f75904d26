package dev.preflight.db.postgres;

import dev.preflight.db.postgres.internal.BoundedCommand;
import dev.preflight.db.postgres.internal.ConnectionFailures;
import dev.preflight.db.postgres.internal.DumpCheck;
import dev.preflight.db.postgres.internal.DumpDirectory;
import dev.preflight.db.postgres.internal.DumpReader;
import dev.preflight.db.postgres.internal.PostgresUrl;
import dev.preflight.db.postgres.internal.RestoreCommand;
import dev.preflight.db.postgres.internal.ScratchServer;
import dev.preflight.db.postgres.internal.Verdicts;
import dev.preflight.net.DeadlineExceededException;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.ProbeSettings;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.Durations;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPInputStream;

/**
 * {@code postgres.restore-drill}: the newest dump restores. <b>It writes</b>: it creates a scratch
 * database on a server the user names, restores the dump into it, checks what came back and drops
 * it, so {@link #writes()} is true and it runs only when its id is named ({@code --probe
 * postgres.restore-drill}).
 *
 * <p>Settings: {@code server}, a {@code postgresql://} URL of the scratch server, with a role that
 * may {@code CREATE DATABASE} (its database is where CREATE and DROP are issued, e.g.
 * {@code postgres}); it must not be the target's own server (same host and port): the drill then
 * refuses (ERROR). {@code directory} and {@code pattern}, where the dumps are (default: those of
 * {@code postgres.backups}); {@code tables}, the tables the restore must hold ({@code orders} for
 * {@code public.orders}, or {@code schema.table}); {@code min-rows}, e.g. {@code orders=1000},
 * the fewest rows a table must hold; {@code bin-dir}, where {@code pg_restore} and {@code psql}
 * are (default: the {@code PATH}). Custom, directory and tar dumps are restored with
 * {@code pg_restore --no-owner --no-privileges --exit-on-error}, plain SQL with {@code psql -v
 * ON_ERROR_STOP=1}; a gzip dump is first inflated to a private temporary file. The programs run
 * without a shell, ended at the deadline less 2 s kept to drop the scratch database; the password
 * reaches them in {@code PGPASSWORD}, never on the command line or in the result. Give the probe a
 * timeout that fits the dump's size.
 *
 * <p>PASS: the dump restored, the database holds the expected tables (without {@code tables}: at
 * least one table) with at least {@code min-rows}, and it was dropped; the summary gives the restore
 * time. WARN: the scratch database could not be dropped (named, to drop by hand). FAIL: no dump;
 * the newest is not a usable dump; the restore program failed (its first error line); tables
 * missing, none restored, or too few rows. ERROR: the newest dump is compressed with zstd, lz4, xz
 * or bzip2, which the drill does not restore; the scratch
 * server cannot be reached or refuses the login or CREATE DATABASE; the restore did not finish before
 * the deadline; {@code server} names the target's own server; the programs cannot start. SKIP: no
 * {@code server} or no dump directory set.
 *
 * <p>Details: {@code server} (host:port), {@code dump}, {@code format}, {@code database} (the
 * scratch database), {@code restoreTime}, {@code tables} (how many), {@code missing}, {@code rows},
 * {@code dropped}.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class RestoreDrillProbe implements Probe {
    /** Kept from the restore for dropping the scratch database. */
    private static final Duration CLEANUP = Duration.ofSeconds(2);
    private static final long OUTPUT_LIMIT = 1024 * 1024;
    private static final Set<String> RESTORABLE = Set.of("custom", "directory", "tar", "plain");

    @Override
    public String id() {
        return "postgres.restore-drill";
    }

    @Override
    public String title() {
        return "The newest PostgreSQL dump restores into a scratch database with the expected tables";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.POSTGRES;
    }

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public Result check(ProbeContext context) throws Exception {
        ProbeSettings settings = context.settings();
        Map<String, String> all = context.target().settings();
        Optional<String> serverSetting = settings.string("server");
        Optional<String> directory = settings.string("directory")
                .or(() -> Optional.ofNullable(all.get("postgres.backups.directory")));
        if (serverSetting.isEmpty() || directory.isEmpty()) {
            return Result.skip("no drill configured: set postgres.restore-drill.server (a postgresql:// URL of a"
                    + " scratch server) and postgres.restore-drill.directory (or postgres.backups.directory)");
        }
        ScratchServer server = new ScratchServer(scratchUrl(context, serverSetting.get()));
        String pattern = settings.string("pattern").orElse(all.getOrDefault("postgres.backups.pattern", "*"));
        Optional<DumpDirectory.Dump> newest;
        try {
            newest = new DumpDirectory(Path.of(directory.get()), pattern).newest();
        } catch (NoSuchFileException e) {
            return Result.fail("the dump directory " + directory.get() + " does not exist",
                    "Point postgres.restore-drill.directory at the directory the backup job writes to.");
        }
        if (newest.isEmpty()) {
            return Result.fail("no dump to restore in " + directory.get(), "Schedule pg_dump into it.");
        }
        Path dump = newest.get().path();
        String name = dump.getFileName().toString();
        DumpCheck check = new DumpReader(Long.MAX_VALUE, context.deadline(), context.clock()).check(dump);
        String format = check.format().replace("gzip+", "");
        if (check.status() == Status.FAIL) {
            return Result.builder(Status.FAIL).subject(server.url().endpoint())
                    .summary("the newest dump, " + name + ", cannot be restored: " + check.note())
                    .remediation("Look at the backup job's log and take a new dump.").detail("dump", name)
                    .detail("format", check.format()).build();
        }
        if (!RESTORABLE.contains(format)) {
            // Not a verdict on the backup: this drill cannot tell whether it restores.
            return Result.builder(Status.ERROR).subject(server.url().endpoint())
                    .summary("the newest dump, " + name + ", is a " + check.format() + " file, which the drill does"
                            + " not restore (it restores custom, directory, tar and plain dumps, gzip'd or not)")
                    .detail("dump", name).detail("format", check.format()).build();
        }
        Verdicts verdicts = new Verdicts(server.url().endpoint()).detail("server", server.url().endpoint())
                .detail("dump", name).detail("format", check.format());
        Path inflated = null;
        try {
            if (check.format().startsWith("gzip+")) {
                inflated = inflate(context, dump);
            }
            drill(context, server, inflated == null ? dump : inflated, format, verdicts, name);
        } catch (SQLException e) {
            return Result.builder(Status.ERROR).subject(server.url().endpoint())
                    .summary(ConnectionFailures.describe(e, server.url())).cause(e).build();
        } finally {
            if (inflated != null) {
                Files.deleteIfExists(inflated);
            }
        }
        return verdicts.result();
    }

    private static void drill(ProbeContext context, ScratchServer server, Path dump, String format, Verdicts verdicts,
            String name) throws SQLException, IOException, InterruptedException {
        String database = "preflight_drill_" + context.clock().instant().getEpochSecond() + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        verdicts.detail("database", database);
        try (Connection admin = server.connect(context, server.url().database())) {
            execute(admin, "CREATE DATABASE " + quote(database));
            try {
                Duration budget = context.remaining().minus(CLEANUP);
                if (budget.isNegative() || budget.isZero()) {
                    throw new DeadlineExceededException("no time left before the deadline to restore " + name);
                }
                RestoreCommand command = RestoreCommand.of(context.settings().string("bin-dir").orElse(""), format,
                        dump, server.url(), database, budget.toSeconds());
                long start = System.nanoTime();
                BoundedCommand.Outcome outcome = new BoundedCommand(command.words(), command.environment(),
                        OUTPUT_LIMIT).run(budget);
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                verdicts.detail("restoreTime", Durations.format(took));
                if (outcome.exitCode() != 0) {
                    verdicts.fail("the newest dump, " + name + ", did not restore (" + command.words().get(0)
                            .replaceAll(".*/", "") + " exited with " + outcome.exitCode()
                            + (outcome.firstErrorLine().isEmpty() ? "" : ": " + outcome.firstErrorLine()) + ")",
                            "Restore it by hand to see the whole error, and fix the backup job.");
                } else {
                    inspect(context, server, database, verdicts, name, took);
                }
            } finally {
                drop(admin, database, verdicts);
            }
        }
    }

    private static void inspect(ProbeContext context, ScratchServer server, String database, Verdicts verdicts,
            String name, Duration took) throws SQLException, IOException {
        Set<String> tables = new TreeSet<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        List<String> expected = context.settings().list("tables").stream().map(RestoreDrillProbe::qualified).toList();
        Map<String, Long> minimum = minRows(context.settings());
        try (Connection restored = server.connect(context, database); Statement statement = restored.createStatement()) {
            try (ResultSet r = statement.executeQuery("SELECT table_schema || '.' || table_name FROM"
                    + " information_schema.tables WHERE table_type = 'BASE TABLE'"
                    + " AND table_schema NOT IN ('pg_catalog', 'information_schema')")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            for (String table : minimum.keySet()) {
                if (tables.contains(table)) {
                    String[] parts = table.split("\\.", 2);
                    try (ResultSet r = statement.executeQuery("SELECT count(*) FROM " + quote(parts[0]) + "."
                            + quote(parts[1]))) {
                        r.next();
                        rows.put(table, r.getLong(1));
                    }
                }
            }
        }
        verdicts.detail("tables", tables.size());
        List<String> missing = new ArrayList<>(expected.stream().filter(t -> !tables.contains(t)).toList());
        minimum.keySet().stream().filter(t -> !tables.contains(t) && !missing.contains(t)).forEach(missing::add);
        if (!missing.isEmpty()) {
            verdicts.detail("missing", missing);
            verdicts.fail(name + " restored without the tables " + String.join(", ", missing),
                    "Check that the backup job dumps the right database and every schema.");
        } else if (tables.isEmpty()) {
            verdicts.fail(name + " restored no table at all", "Check that the backup job dumps the right database.");
        }
        if (!rows.isEmpty()) {
            verdicts.detail("rows", rows);
        }
        rows.forEach((table, count) -> {
            if (count < minimum.get(table)) {
                verdicts.fail(table + " holds " + count + " rows after the restore, fewer than " + minimum.get(table),
                        "Check that the backup job dumps the data, not only the schema.");
            }
        });
        verdicts.pass(name + " restored in " + Durations.format(took) + " with " + tables.size() + " table"
                + (tables.size() == 1 ? "" : "s") + (expected.isEmpty() ? " (no expected tables set)"
                        : ", " + String.join(", ", expected) + " among them")
                + (rows.isEmpty() ? "" : ", rows " + rows));
    }

    private static void drop(Connection admin, String database, Verdicts verdicts) {
        try {
            execute(admin, "DROP DATABASE IF EXISTS " + quote(database) + " WITH (FORCE)");
            verdicts.detail("dropped", true);
        } catch (SQLException e) {
            verdicts.detail("dropped", false);
            verdicts.warn("the scratch database " + database + " could not be dropped (" + e.getSQLState() + ")",
                    "Drop it by hand: DROP DATABASE " + database + ";");
        }
    }

    private static Map<String, Long> minRows(ProbeSettings settings) {
        Map<String, Long> minimum = new LinkedHashMap<>();
        for (String item : settings.list("min-rows")) {
            int eq = item.indexOf('=');
            try {
                if (eq <= 0) {
                    throw new NumberFormatException();
                }
                minimum.put(qualified(item.substring(0, eq).trim()), Long.parseLong(item.substring(eq + 1).trim()));
            } catch (NumberFormatException e) {
                throw settings.invalid("min-rows", "must be table=count items, e.g. orders=1000");
            }
        }
        return minimum;
    }

    private static String qualified(String table) {
        return table.contains(".") ? table : "public." + table;
    }

    private static PostgresUrl scratchUrl(ProbeContext context, String setting) {
        ProbeSettings settings = context.settings();
        PostgresUrl url;
        try {
            url = PostgresUrl.of(Target.forUrl(setting)).orElseThrow();
        } catch (IllegalArgumentException | NoSuchElementException e) {
            throw settings.invalid("server", "must be a postgresql:// URL of one host");
        }
        Optional<PostgresUrl> target;
        try {
            target = PostgresUrl.of(context.target());
        } catch (IllegalArgumentException e) {
            target = Optional.empty();
        }
        if (target.isPresent() && target.get().host().equalsIgnoreCase(url.host())
                && target.get().port() == url.port()) {
            throw settings.invalid("server", "names the target's own server (" + url.endpoint()
                    + "); restore onto a scratch server, never next to the database it backs up");
        }
        return url;
    }

    private static Path inflate(ProbeContext context, Path dump) throws IOException {
        Path file = Files.createTempFile("preflight-drill", ".dump");
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dump));
                OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (context.remaining().compareTo(CLEANUP) <= 0) {
                    throw new DeadlineExceededException("the dump was not inflated before the deadline");
                }
            }
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
