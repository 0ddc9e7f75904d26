package dev.preflight.db.postgres.internal;

import java.time.Duration;

/**
 * What {@code postgres.replication} expects: how many replicas, and how far behind each may replay.
 *
 * @param replicas the replicas that must stream; -1 when none is expected
 * @param maxReplayLag the longest replay lag in time ({@code replay_lag})
 * @param maxLagBytes the most WAL written but not yet replayed, in bytes
 */
public record ReplicationLimits(int replicas, Duration maxReplayLag, long maxLagBytes) {

    /** @return whether replicas are expected */
    public boolean expected() {
        return replicas >= 0;
    }

    /** @param bytes a size @return it for reading, e.g. {@code 3.2 MB} */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f kB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
