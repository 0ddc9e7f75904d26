package dev.preflight.db.postgres;

import dev.preflight.db.postgres.internal.PostgresSession;
import dev.preflight.db.postgres.internal.PostgresUrl;
import dev.preflight.db.postgres.internal.Replication;
import dev.preflight.db.postgres.internal.ReplicationLimits;
import dev.preflight.db.postgres.internal.Row;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import java.time.Duration;
import java.util.List;

/**
 * {@code postgres.replication}: the replicas a primary should have stream from it, and replay
 * closely behind it; on a standby, that it streams from its primary.
 *
 * <p>On a primary, reads {@code pg_stat_replication}, without the WAL senders of logical
 * subscriptions (those connected to a database): each physical WAL sender's {@code state},
 * {@code replay_lag}, and the WAL written but not yet replayed ({@code pg_current_wal_lsn()} less
 * {@code replay_lsn}). On a standby ({@code pg_is_in_recovery()}), reads {@code pg_stat_wal_receiver}
 * and the WAL received but not yet replayed. Both views show their details only to superusers and to
 * roles with the privileges of {@code pg_read_all_stats} (which {@code pg_monitor} grants). Settings:
 * {@code replicas}, how many replicas must stream from a primary (unset: none is expected); {@code max-replay-lag}
 * (default 30s) and {@code max-lag-mb} (default 64), how far behind a replica may replay. A
 * replica's {@code replay_lag} turns null a little after it has caught up with an idle primary, so
 * then only the bytes count.
 *
 * <p>PASS: at least {@code replicas} replicas in state {@code streaming}, each within both lag
 * limits, or, with no {@code replicas} set, the replicas seen streaming; a standby whose WAL
 * receiver streams within {@code max-lag-mb}. WARN: the role lacks {@code pg_monitor}, so state and
 * lag are hidden (not verified); with no {@code replicas} set, a replica seen but not streaming.
 * FAIL: fewer replicas streaming (or, to a role without the privilege, fewer WAL senders) than
 * {@code replicas}; a replica beyond a lag limit; a standby with no WAL receiver, or one not
 * streaming, or beyond {@code max-lag-mb}. ERROR: the server cannot be reached, refuses the login,
 * or does not answer before the deadline. SKIP: a primary with no {@code replicas} set and no WAL
 * sender; a target without a {@code postgresql://} URL of one host. Details: {@code expectedReplicas},
 * {@code walSenders}, {@code streaming}, {@code replicas} (each replica's name, client address, state
 * and lag), {@code maxReplayLag}, {@code maxLagBytes}; on a standby {@code standby},
 * {@code receiverStatus}, {@code sender}.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class PostgresReplicationProbe extends PostgresProbe {
    private static final Duration DEFAULT_MAX_REPLAY_LAG = Duration.ofSeconds(30);
    private static final int DEFAULT_MAX_LAG_MB = 64;

    @Override
    public String id() {
        return "postgres.replication";
    }

    @Override
    public String title() {
        return "PostgreSQL's replicas stream, and replay closely behind the primary";
    }

    @Override
    Result check(ProbeContext context, PostgresUrl url) throws Exception {
        int replicas = context.settings().integer("replicas", -1);
        if (context.settings().string("replicas").isPresent() && replicas < 0) {
            throw context.settings().invalid("replicas", "must be 0 or more");
        }
        ReplicationLimits limits = new ReplicationLimits(replicas,
                context.settings().duration("max-replay-lag", DEFAULT_MAX_REPLAY_LAG),
                context.settings().integer("max-lag-mb", DEFAULT_MAX_LAG_MB) * 1024L * 1024L);
        record Read(boolean standby, boolean privileged, List<Row> rows) {
        }
        Read read = PostgresSession.of(context, url).use(context, sql -> {
            Row role = sql.row("SELECT pg_is_in_recovery() AS standby,"
                    + " pg_has_role('pg_read_all_stats', 'USAGE') AS privileged");
            if (role.flag("standby")) {
                return new Read(true, role.flag("privileged"), sql.rows("SELECT status,"
                        + " coalesce(sender_host, '?') || ':' || coalesce(sender_port::text, '?') AS sender,"
                        + " pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::bigint AS lag_bytes"
                        + " FROM pg_stat_wal_receiver"));
            }
            return new Read(false, role.flag("privileged"), sql.rows("SELECT coalesce(nullif(application_name, ''),"
                    + " 'pid ' || pid) || ' from ' || coalesce(host(client_addr), 'a local socket') AS name, state,"
                    + " round(EXTRACT(EPOCH FROM replay_lag)::numeric, 1) AS replay_lag_seconds,"
                    + " pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint AS lag_bytes"
                    // A logical subscriber's WAL sender streams too, but replicates no server: it is tied to a
                    // database, where a physical replica's is not.
                    + " FROM pg_stat_replication WHERE pid NOT IN (SELECT pid FROM pg_stat_activity"
                    + " WHERE backend_type = 'walsender' AND datid IS NOT NULL) ORDER BY name"));
        });
        if (read.standby()) {
            return Replication.standby(url.endpoint(), read.rows().isEmpty() ? null : read.rows().get(0),
                    read.privileged(), limits);
        }
        return Replication.primary(url.endpoint(), read.rows(), read.privileged(), limits);
    }
}
