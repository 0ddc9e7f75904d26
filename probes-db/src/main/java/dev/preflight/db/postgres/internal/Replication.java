package dev.preflight.db.postgres.internal;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.support.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdict of {@code postgres.replication} on what a primary's {@code pg_stat_replication} or a
 * standby's {@code pg_stat_wal_receiver} shows. Both views show other sessions' details only to
 * roles with the privileges of {@code pg_read_all_stats} (which {@code pg_monitor} has) and to
 * superusers; to any other role every column but the pid is null. Stateless.
 */
public final class Replication {
    private static final String GRANT = "GRANT pg_monitor TO the role Preflight connects as (or pg_read_all_stats).";

    private Replication() {
    }

    /**
     * @param subject the server
     * @param senders the rows of {@code pg_stat_replication}, with {@code name}, {@code state},
     *     {@code replay_lag_seconds} and {@code lag_bytes}
     * @param privileged whether the role sees the senders' details
     * @param limits what is expected
     * @return the verdict, or SKIP when no replica is expected and none is seen
     */
    public static Result primary(String subject, List<Row> senders, boolean privileged, ReplicationLimits limits) {
        Verdicts verdicts = new Verdicts(subject);
        String expected = limits.expected() ? " (expected " + limits.replicas() + ")" : "";
        verdicts.detail("expectedReplicas", limits.expected() ? limits.replicas() : null)
                .detail("walSenders", senders.size());
        if (!limits.expected() && senders.isEmpty()) {
            return Result.builder(Status.SKIP).subject(subject).summary("no replica expected (setting replicas) and"
                    + " pg_stat_replication shows none").build();
        }
        if (!privileged) {
            if (limits.expected() && senders.size() < limits.replicas()) {
                return verdicts.fail(count(senders.size(), "WAL sender") + " in pg_stat_replication, fewer than the "
                        + limits.replicas() + " replicas expected", "Start the missing replicas, or check their"
                        + " primary_conninfo and the primary's pg_hba.conf replication lines.").result();
            }
            return verdicts.warn(count(senders.size(), "WAL sender") + " in pg_stat_replication" + expected + ", but their"
                    + " state and replay lag are hidden from this role (pg_monitor needed), so they are not verified",
                    GRANT).result();
        }
        List<String> seen = new ArrayList<>();
        int streaming = 0;
        for (Row sender : senders) {
            String name = sender.get("name");
            String state = String.valueOf(sender.get("state"));
            seen.add(name + ": " + state + lag(sender));
            if (!state.equals("streaming")) {
                if (!limits.expected()) {
                    verdicts.warn("replica " + name + " is in state " + state + ", not streaming",
                            "Watch it reach streaming; if it stays, read its log.");
                }
                continue;
            }
            streaming++;
            judgeLag(verdicts, name, sender.get("replay_lag_seconds"), sender.get("lag_bytes"), limits);
        }
        verdicts.detail("replicas", List.copyOf(seen)).detail("streaming", streaming)
                .detail("maxReplayLag", Durations.format(limits.maxReplayLag()))
                .detail("maxLagBytes", limits.maxLagBytes());
        if (limits.expected() && streaming < limits.replicas()) {
            verdicts.fail(streaming + " of the " + limits.replicas() + " expected replicas stream" + (seen.isEmpty()
                    ? "" : " (" + String.join(", ", seen) + ")"), "Start the missing replicas, or check their"
                    + " primary_conninfo, their logs and the primary's pg_hba.conf replication lines.");
        }
        return verdicts.pass(count(streaming, "replica") + " streaming" + expected + ": " + String.join(", ", seen)).result();
    }

    /**
     * @param subject the standby
     * @param receiver the row of {@code pg_stat_wal_receiver} with {@code status}, {@code sender},
     *     {@code lag_bytes} (received but not replayed) and {@code replay_seconds_ago}; null when
     *     there is no WAL receiver
     * @param privileged whether the role sees the receiver's details
     * @param limits how far behind it may replay
     * @return the verdict
     */
    public static Result standby(String subject, Row receiver, boolean privileged, ReplicationLimits limits) {
        Verdicts verdicts = new Verdicts(subject).detail("standby", true);
        if (receiver == null) {
            return verdicts.fail("this server is a standby without a WAL receiver: it does not stream from a primary"
                    + " (it may restore from an archive only, or has lost its primary)", "Check primary_conninfo and"
                    + " the standby's log; the primary's pg_hba.conf must admit its replication connection.").result();
        }
        if (!privileged || receiver.get("status") == null) {
            return verdicts.warn("this server is a standby, but its WAL receiver's status is hidden from this role"
                    + " (pg_monitor needed), so its streaming is not verified", GRANT).result();
        }
        String status = receiver.get("status");
        verdicts.detail("receiverStatus", status).detail("sender", receiver.get("sender"));
        if (!status.equals("streaming")) {
            return verdicts.fail("this standby's WAL receiver is " + status + ", not streaming from "
                    + receiver.get("sender"), "Read the standby's log; check primary_conninfo and the primary.")
                    .result();
        }
        judgeLag(verdicts, "this standby", null, receiver.get("lag_bytes"), limits);
        return verdicts.pass("this standby streams from " + receiver.get("sender") + lag(receiver)).result();
    }

    private static void judgeLag(Verdicts verdicts, String name, String seconds, String bytes,
            ReplicationLimits limits) {
        if (seconds != null && Double.parseDouble(seconds) > limits.maxReplayLag().toMillis() / 1000.0) {
            verdicts.fail(name + " replays " + seconds + " s behind, more than " + Durations.format(limits.maxReplayLag()),
                    "Find what slows the replica's replay (I/O, long queries with hot_standby_feedback, a paused"
                            + " replay) or raise max-replay-lag.");
        }
        if (bytes != null && Long.parseLong(bytes) > limits.maxLagBytes()) {
            verdicts.fail(name + " has " + ReplicationLimits.size(Long.parseLong(bytes)) + " of WAL not yet replayed,"
                    + " more than " + ReplicationLimits.size(limits.maxLagBytes()), "Find what slows the replica's"
                    + " replay (I/O, long queries, a paused replay) or raise max-lag-mb.");
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String lag(Row row) {
        String bytes = row.get("lag_bytes");
        String seconds = row.values().containsKey("replay_lag_seconds") ? row.get("replay_lag_seconds") : null;
        if (bytes == null && seconds == null) {
            return "";
        }
        return " (replay lag " + (bytes == null ? "" : ReplicationLimits.size(Long.parseLong(bytes)))
                + (bytes != null && seconds != null ? ", " : "") + (seconds == null ? "" : seconds + " s") + ")";
    }
}
