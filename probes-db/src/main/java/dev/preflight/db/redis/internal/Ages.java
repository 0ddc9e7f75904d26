package dev.preflight.db.redis.internal;

import java.time.Duration;

/** Writes an age the way people read one: {@code 40s}, {@code 12m}, {@code 5h}, {@code 3d}, rounded down. */
public final class Ages {
    private Ages() {
    }

    /**
     * @param age a duration; a negative one (the server's clock ahead of ours) counts as none
     * @return its short form
     */
    public static String format(Duration age) {
        long s = Math.max(0, age.toSeconds());
        if (s < 120) {
            return s + "s";
        }
        if (s < 2 * 3600) {
            return s / 60 + "m";
        }
        if (s < 48 * 3600) {
            return s / 3600 + "h";
        }
        return s / 86400 + "d";
    }
}
