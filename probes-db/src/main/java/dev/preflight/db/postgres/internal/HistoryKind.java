package dev.preflight.db.postgres.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * The schema-history tables of the migration tools, each with what its rows say about failed and
 * unfinished migrations. The shapes are the tools' own, as documented: Flyway's
 * {@code flyway_schema_history} ({@code success}), Liquibase's {@code databasechangelog}
 * ({@code exectype}) and {@code databasechangeloglock} ({@code locked}), Django's
 * {@code django_migrations}, Alembic's {@code alembic_version} and Prisma's
 * {@code _prisma_migrations} ({@code finished_at}, {@code rolled_back_at}). Stateless.
 */
public enum HistoryKind {
    /** Flyway: a row with {@code success = false} is a failed migration, which blocks the next migrate. */
    FLYWAY("Flyway", "flyway_schema_history") {
        @Override
        public String judge(Sql sql, HistoryTable table, Verdicts verdicts, Duration lockMaxAge)
                throws SQLException {
            for (Row failed : sql.rowsOrUndo("SELECT coalesce(version, '(repeatable)') AS version, description,"
                    + " script, " + local("installed_on") + " FROM " + table.quoted() + " WHERE NOT success"
                    + " ORDER BY installed_rank")) {
                verdicts.fail("Flyway migration " + failed.get("version") + " (" + failed.get("description")
                        + ", " + failed.get("script") + ") failed, started " + failed.get("installed_on") + " ["
                        + table.name() + "]", "Fix the failed migration's script or the database, run `flyway repair`"
                        + " to remove the failed row, then migrate again.");
            }
            return latest(sql.rowsOrUndo("SELECT count(*) AS n, (SELECT coalesce(version, description) || ' ('"
                    + " || description || ') at ' || " + localText("installed_on") + " FROM " + table.quoted()
                    + " WHERE success ORDER BY installed_rank DESC LIMIT 1) AS latest FROM " + table.quoted()
                    + " WHERE success"));
        }
    },
    /** Liquibase's change log: a change set recorded with {@code exectype = 'FAILED'}. */
    LIQUIBASE("Liquibase", "databasechangelog") {
        @Override
        public String judge(Sql sql, HistoryTable table, Verdicts verdicts, Duration lockMaxAge)
                throws SQLException {
            for (Row failed : sql.rowsOrUndo("SELECT id, author, filename, " + local("dateexecuted") + " FROM "
                    + table.quoted() + " WHERE exectype = 'FAILED' ORDER BY orderexecuted")) {
                verdicts.fail("Liquibase change set " + failed.get("id") + " by " + failed.get("author") + " ("
                        + failed.get("filename") + ") failed, run " + failed.get("dateexecuted") + " ["
                        + table.name() + "]", "Fix the failed change set, then run `liquibase update` again.");
            }
            return latest(sql.rowsOrUndo("SELECT count(*) AS n, (SELECT id || ' by ' || author || ' (' || filename"
                    + " || ') at ' || " + localText("dateexecuted") + " FROM " + table.quoted()
                    + " ORDER BY orderexecuted DESC, dateexecuted DESC LIMIT 1) AS latest FROM " + table.quoted()));
        }
    },
    /**
     * Liquibase's lock: held while an update runs, and left held when that update died, which then
     * blocks every later one. A lock younger than {@code lockMaxAge} may be an update running now.
     */
    LIQUIBASE_LOCK("Liquibase", "databasechangeloglock") {
        @Override
        public String judge(Sql sql, HistoryTable table, Verdicts verdicts, Duration lockMaxAge)
                throws SQLException {
            // lockgranted is the locking client's local time without a zone; read against the server's
            // local time, a lock from a client zone ahead of the server's looks younger, so it WARNs.
            List<Row> locks = sql.rowsOrUndo("SELECT coalesce(lockedby, 'an unnamed client') AS lockedby, "
                    + local("lockgranted") + ", EXTRACT(EPOCH FROM localtimestamp - lockgranted)::bigint AS age"
                    + " FROM " + table.quoted() + " WHERE locked");
            for (Row held : locks) {
                String lock = "Liquibase's change-log lock is held by " + held.get("lockedby") + " since "
                        + held.get("lockgranted") + " [" + table.name() + "]";
                String release = "If no `liquibase update` is running, release it with `liquibase release-locks`.";
                if (held.get("age") == null || held.number("age") > lockMaxAge.toSeconds()) {
                    verdicts.fail(lock + ": a stuck lock blocks every later update", release);
                } else {
                    verdicts.warn(lock + ": an update may be running now", release);
                }
            }
            return locks.isEmpty() ? "change-log lock free" : null;
        }
    },
    /** Django records a migration only once applied: failed or unfinished ones leave no row to read. */
    DJANGO("Django", "django_migrations") {
        @Override
        public String judge(Sql sql, HistoryTable table, Verdicts verdicts, Duration lockMaxAge)
                throws SQLException {
            return latest(sql.rowsOrUndo("SELECT count(*) AS n, (SELECT app || '.' || name || ' at ' || "
                    + utc("applied", false) + " FROM " + table.quoted() + " ORDER BY applied DESC, id DESC LIMIT 1)"
                    + " AS latest FROM " + table.quoted())) + "; Django records a migration only once applied, so"
                    + " a failed or unfinished one is not ruled out";
        }
    },
    /** Alembic keeps only its head revisions; several rows are several heads, normal only with branches. */
    ALEMBIC("Alembic", "alembic_version") {
        @Override
        public String judge(Sql sql, HistoryTable table, Verdicts verdicts, Duration lockMaxAge)
                throws SQLException {
            List<String> heads = sql.rowsOrUndo("SELECT version_num FROM " + table.quoted() + " ORDER BY version_num")
                    .stream().map(r -> r.get("version_num")).toList();
            if (heads.size() > 1) {
                verdicts.warn("Alembic has " + heads.size() + " heads " + heads + " [" + table.name() + "]: right only"
                        + " for a project that uses branches", "Without branches, merge the heads"
                        + " (`alembic merge heads`) and upgrade.");
            }
            return heads.isEmpty() ? "no revision applied" : "head " + String.join(", ", heads);
        }
    },
    /** Prisma: a row neither finished nor rolled back is a migration that failed or is still running. */
    PRISMA("Prisma", "_prisma_migrations") {
        @Override
        public String judge(Sql sql, HistoryTable table, Verdicts verdicts, Duration lockMaxAge)
                throws SQLException {
            for (Row open : sql.rowsOrUndo("SELECT migration_name, " + utc("started_at", true) + ","
                    + " logs IS NOT NULL AS logged FROM " + table.quoted()
                    + " WHERE finished_at IS NULL AND rolled_back_at IS NULL ORDER BY started_at")) {
                // The logs hold the database's error text, which may quote data: only their presence is told.
                verdicts.fail("Prisma migration " + open.get("migration_name") + " started " + open.get("started_at")
                        + " and never finished" + (open.flag("logged") ? " (its error is in the logs column)" : "")
                        + " [" + table.name() + "]", "Read the migration's logs, fix the cause, then mark it with"
                        + " `prisma migrate resolve --rolled-back` (or `--applied`) and deploy again.");
            }
            return latest(sql.rowsOrUndo("SELECT count(*) AS n, (SELECT migration_name || ' at ' || "
                    + utc("finished_at", false) + " FROM " + table.quoted() + " WHERE finished_at IS NOT NULL"
                    + " AND rolled_back_at IS NULL ORDER BY finished_at DESC LIMIT 1) AS latest FROM "
                    + table.quoted() + " WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL"));
        }
    };

    private final String tool;
    private final String table;

    HistoryKind(String tool, String table) {
        this.tool = tool;
        this.table = table;
    }

    /** @return the tool's name, e.g. {@code Flyway} */
    public String tool() {
        return tool;
    }

    /** @return the table's default name */
    public String table() {
        return table;
    }

    /**
     * Adds the table's failed or unfinished migrations to {@code verdicts}.
     *
     * @param sql the probe's turn; a query that fails is undone, so the caller may go on
     * @param table the table found
     * @param verdicts where findings go
     * @param lockMaxAge how long a held lock may be a running update
     * @return the latest applied migration and the count, for reading; null when the table has none to tell
     * @throws SQLException if a query fails, e.g. the table does not have the tool's columns
     */
    public abstract String judge(Sql sql, HistoryTable table, Verdicts verdicts, Duration lockMaxAge)
            throws SQLException;

    private static String latest(List<Row> rows) {
        Row row = rows.get(0);
        long count = row.number("n");
        return count == 0 ? "no migration applied" : count + " applied, latest " + row.get("latest");
    }

    /** A timestamp without zone (the writer's local time), as written. */
    private static String local(String column) {
        return localText(column) + " AS " + column;
    }

    private static String localText(String column) {
        return "coalesce(to_char(" + column + ", 'YYYY-MM-DD HH24:MI:SS'), 'an unknown time')";
    }

    /** A timestamp with zone, in UTC. */
    private static String utc(String column, boolean labelled) {
        return "coalesce(to_char(" + column + " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
                + " 'an unknown time')" + (labelled ? " AS " + column : "");
    }
}
