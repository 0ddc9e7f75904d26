package dev.preflight.db.postgres.internal;

import java.time.Duration;

/** Ages for reading: {@code 45s}, {@code 12m}, {@code 5h 3m}, {@code 2d 4h}. */
public final class Ages {
    private Ages() {
    }

    /** @param age a non-negative duration @return its short form, the two largest units */
    public static String of(Duration age) {
        long s = Math.max(0, age.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m";
        }
        if (s < 86_400) {
            long m = s / 60 % 60;
            return s / 3600 + "h" + (m == 0 ? "" : " " + m + "m");
        }
        long h = s / 3600 % 24;
        return s / 86_400 + "d" + (h == 0 ? "" : " " + h + "h");
    }
}
