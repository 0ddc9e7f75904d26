package dev.preflight.db.postgres;

import dev.preflight.db.postgres.internal.HistoryKind;
import dev.preflight.db.postgres.internal.HistoryTable;
import dev.preflight.db.postgres.internal.PostgresSession;
import dev.preflight.db.postgres.internal.PostgresUrl;
import dev.preflight.db.postgres.internal.Sql;
import dev.preflight.db.postgres.internal.Verdicts;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code postgres.migrations}: the schema-history tables of the migration tools found in the
 * target's database show no failed or unfinished migration, which would leave the schema half-way
 * and block the next deploy's migrations.
 *
 * <p>Looks, in every schema of the URL's database, for {@code flyway_schema_history} (Flyway: rows
 * with {@code success = false}), {@code databasechangelog} (Liquibase: change sets with
 * {@code exectype = 'FAILED'}), {@code databasechangeloglock} (Liquibase: the lock held),
 * {@code django_migrations} (Django: only the count and the latest, since Django records a migration
 * once applied, so a failed one leaves no row), {@code alembic_version} (Alembic: the head; several
 * heads are right only with branches) and {@code _prisma_migrations} (Prisma: rows with neither
 * {@code finished_at} nor {@code rolled_back_at}). Tables are found in {@code pg_class}, so one the
 * role may not read is found too. Setting: {@code lock-max-age}, how long Liquibase's lock may be
 * held by an update still running (default 15m).
 *
 * <p>PASS: every table found is readable and shows no failed or unfinished migration; the summary
 * names the tools, then each table's count of migrations and latest as far as room allows. WARN: a table the role may not
 * read ({@code SELECT} on it, {@code USAGE} on its schema) or that has not the tool's columns: not
 * verified; Liquibase's lock held for less than {@code lock-max-age}; several Alembic heads. FAIL: a
 * failed or unfinished migration, named with its version or name and when it started; Liquibase's
 * lock held longer than {@code lock-max-age}. A Prisma migration still running counts as unfinished.
 * ERROR: the server cannot be reached, refuses the login, or does not answer before the deadline.
 * SKIP: none of these tables exists (the summary names those looked for), or a target without a
 * {@code postgresql://} URL of one host. Details: {@code tables} (schema-qualified, with the tool),
 * {@code latest} (each table's count of migrations and its latest, with when it was applied),
 * {@code notVerified}.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class PostgresMigrationsProbe extends PostgresProbe {
    private static final Duration DEFAULT_LOCK_MAX_AGE = Duration.ofMinutes(15);

    @Override
    public String id() {
        return "postgres.migrations";
    }

    @Override
    public String title() {
        return "PostgreSQL's migration history (Flyway, Liquibase, Django, Alembic, Prisma) has no failed migration";
    }

    @Override
    Result check(ProbeContext context, PostgresUrl url) throws Exception {
        Duration lockMaxAge = context.settings().duration("lock-max-age", DEFAULT_LOCK_MAX_AGE);
        return PostgresSession.of(context, url).use(context, sql -> judge(sql, url, lockMaxAge));
    }

    private static Result judge(Sql sql, PostgresUrl url, Duration lockMaxAge) throws SQLException {
        List<HistoryTable> tables = HistoryTable.find(sql);
        if (tables.isEmpty()) {
            return Result.builder(Status.SKIP).subject(url.endpoint())
                    .summary("no migration history in database " + url.database() + ": looked in every schema for "
                            + Arrays.stream(HistoryKind.values()).map(HistoryKind::table).collect(Collectors.joining(", ")))
                    .build();
        }
        Verdicts verdicts = new Verdicts(url.endpoint());
        List<String> notVerified = new ArrayList<>();
        List<String> latest = new ArrayList<>();
        for (HistoryTable table : tables) {
            String tool = table.kind().tool();
            if (!table.readable()) {
                notReadable(verdicts, table);
                notVerified.add(table.name());
                continue;
            }
            try {
                String reading = table.kind().judge(sql, table, verdicts, lockMaxAge);
                if (reading != null) {
                    latest.add(tool + " (" + table.name() + "): " + reading);
                }
            } catch (SQLException e) {
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                if (state.equals(Sql.INSUFFICIENT_PRIVILEGE)) {
                    notReadable(verdicts, table);
                } else if (state.startsWith("42") || state.startsWith("22")) {
                    // Syntax and access errors and data exceptions: a table of that name, not of the tool's shape.
                    verdicts.warn(table.name() + " does not read as " + tool + "'s history (" + firstLine(e)
                            + "), so it is not verified", "If " + table.name() + " is " + tool + "'s, check its"
                            + " version; otherwise ignore this table.");
                } else {
                    throw e;
                }
                notVerified.add(table.name());
            }
        }
        List<HistoryTable> verified = tables.stream().filter(t -> !notVerified.contains(t.name())).toList();
        if (!verified.isEmpty() && !verdicts.failing()) {
            // A summary holds 300 characters: the tools first, each table's latest also in the details.
            verdicts.pass("no failed or unfinished migration in the history of " + verified.stream()
                    .map(t -> t.kind().tool()).distinct().collect(Collectors.joining(", "))
                    + (verified.stream().anyMatch(t -> t.kind() == HistoryKind.DJANGO)
                            ? " (Django's table shows only applied migrations)" : "")
                    + ": " + String.join("; ", latest));
        }
        verdicts.detail("tables", tables.stream().map(t -> t.kind().tool() + ": " + t.name()).toList());
        verdicts.detail("latest", List.copyOf(latest));
        if (!notVerified.isEmpty()) {
            verdicts.detail("notVerified", List.copyOf(notVerified));
        }
        return verdicts.result();
    }

    private static void notReadable(Verdicts verdicts, HistoryTable table) {
        verdicts.warn(table.name() + " (" + table.kind().tool() + ") is not readable by this role, so its migrations"
                + " are not verified", "GRANT USAGE ON SCHEMA " + table.schema() + " and GRANT SELECT ON "
                + table.name() + " to the role Preflight connects as.");
    }

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage());
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
