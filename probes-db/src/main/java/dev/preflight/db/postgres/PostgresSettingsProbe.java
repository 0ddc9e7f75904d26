package dev.preflight.db.postgres;

import dev.preflight.db.postgres.internal.PostgresSession;
import dev.preflight.db.postgres.internal.PostgresUrl;
import dev.preflight.db.postgres.internal.Verdicts;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code postgres.settings}: the server keeps its data safe across crashes, has connections to
 * spare, and records slow queries.
 *
 * <p>Reads {@code pg_settings} ({@code fsync}, {@code full_page_writes}, {@code max_connections},
 * {@code shared_preload_libraries}, {@code log_min_duration_statement}) and counts the client
 * backends of {@code pg_stat_activity}, which any role may count. Setting:
 * {@code connections-warn-percent}, the share of {@code max_connections} in use above which it warns
 * (default 80).
 *
 * <p>PASS: {@code fsync} and {@code full_page_writes} on, connections in use at most the threshold,
 * and query monitoring: {@code pg_stat_statements} in {@code shared_preload_libraries} or
 * {@code log_min_duration_statement} set. WARN: more connections in use than the threshold; no query
 * monitoring, or {@code shared_preload_libraries} hidden from the role (it needs
 * {@code pg_read_all_settings}) and no slow-query log, so it could not be verified; any other of these
 * settings the role cannot read (not verified). FAIL: {@code fsync} or {@code full_page_writes} off
 * (a crash can corrupt the database). ERROR: the server cannot be reached, refuses the login, or does
 * not answer before the deadline. SKIP: a target
 * without a {@code postgresql://} URL of one host. Details: {@code connections},
 * {@code maxConnections}, {@code fsync}, {@code fullPageWrites}, {@code sharedPreloadLibraries},
 * {@code logMinDurationStatement}.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class PostgresSettingsProbe extends PostgresProbe {
    private static final int DEFAULT_WARN_PERCENT = 80;

    @Override
    public String id() {
        return "postgres.settings";
    }

    @Override
    public String title() {
        return "PostgreSQL keeps fsync and full_page_writes on, has spare connections, and monitors queries";
    }

    @Override
    Result check(ProbeContext context, PostgresUrl url) throws Exception {
        record Read(Map<String, String> settings, long connections) {
        }
        Read read = PostgresSession.of(context, url).use(context, sql -> new Read(
                sql.settings("fsync", "full_page_writes", "max_connections", "shared_preload_libraries",
                        "log_min_duration_statement"),
                sql.row("SELECT count(*) AS used FROM pg_stat_activity WHERE backend_type = 'client backend'")
                        .number("used")));
        Map<String, String> settings = read.settings();
        Verdicts verdicts = new Verdicts(url.endpoint());
        for (String[] safety : new String[][] {{"fsync", "fsync"}, {"full_page_writes", "fullPageWrites"}}) {
            String value = settings.getOrDefault(safety[0], "unknown");
            verdicts.detail(safety[1], value);
            if (value.equals("off")) {
                verdicts.fail(safety[0] + " is off: a crash or power loss can corrupt the database beyond repair",
                        "Set " + safety[0] + " = on in postgresql.conf and reload; only a throw-away database may"
                                + " run without it.");
            } else if (value.equals("on")) {
                verdicts.pass(safety[0] + " on");
            } else {
                verdicts.warn(safety[0] + " is not visible to this role, so it is not verified",
                        "Grant pg_read_all_settings to the role Preflight connects as.");
            }
        }
        judgeConnections(context, verdicts, settings, read.connections());
        judgeMonitoring(verdicts, settings);
        return verdicts.result();
    }

    private static void judgeConnections(ProbeContext context, Verdicts verdicts, Map<String, String> settings,
            long used) {
        long max;
        try {
            max = Long.parseLong(settings.getOrDefault("max_connections", "0"));
        } catch (NumberFormatException e) {
            max = 0;
        }
        int percent = context.settings().integer("connections-warn-percent", DEFAULT_WARN_PERCENT);
        verdicts.detail("connections", used).detail("maxConnections", max);
        if (max <= 0) {
            verdicts.warn("max_connections is not readable, so the connections in use are not judged",
                    "Grant pg_read_all_settings to the role Preflight connects as.");
        } else if (used * 100 > max * percent) {
            verdicts.warn(used + " of max_connections " + max + " connections in use, more than " + percent + " %:"
                    + " new connections will soon be refused", "Put a pooler (PgBouncer) in front or size the"
                    + " applications' pools down; raise max_connections only with the memory to match.");
        } else {
            verdicts.pass(used + " of " + max + " connections in use");
        }
    }

    private static void judgeMonitoring(Verdicts verdicts, Map<String, String> settings) {
        String duration = settings.getOrDefault("log_min_duration_statement", "-1");
        verdicts.detail("logMinDurationStatement", duration);
        boolean slowLog = !duration.equals("-1");
        String libraries = settings.get("shared_preload_libraries");
        verdicts.detail("sharedPreloadLibraries", libraries == null ? "hidden from this role" : libraries);
        boolean statements = libraries != null && Arrays.stream(libraries.split(","))
                .map(String::strip).anyMatch("pg_stat_statements"::equals);
        if (statements || slowLog) {
            verdicts.pass("queries are monitored (" + (statements ? "pg_stat_statements" : "")
                    + (statements && slowLog ? ", " : "")
                    + (slowLog ? "log_min_duration_statement = " + duration + " ms" : "") + ")");
        } else if (libraries == null) {
            verdicts.warn("query monitoring is not verified: shared_preload_libraries is hidden from this role and"
                    + " log_min_duration_statement is off", "Grant pg_read_all_settings to the role Preflight uses,"
                    + " or set log_min_duration_statement.");
        } else {
            verdicts.warn("no query monitoring: pg_stat_statements is not loaded and log_min_duration_statement is"
                    + " off, so slow queries go unseen", "Add pg_stat_statements to shared_preload_libraries (and"
                    + " CREATE EXTENSION pg_stat_statements), or set log_min_duration_statement, e.g. to 500 ms.");
        }
    }
}
