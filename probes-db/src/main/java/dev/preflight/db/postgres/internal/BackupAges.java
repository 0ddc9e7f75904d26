package dev.preflight.db.postgres.internal;

import dev.preflight.probe.Gauge;
import java.time.Duration;

/** The gauge of a backup's age, one name for every kind of backup so that one alert rule covers all. */
public final class BackupAges {
    /** The gauge's name, as the issue and the example alert rules spell it. */
    public static final String NAME = "backup_age_seconds";

    private BackupAges() {
    }

    /**
     * @param age how old the newest backup is
     * @param kind {@code dump} or {@code pgbackrest}, as the label {@code kind}
     * @return the gauge
     */
    public static Gauge gauge(Duration age, String kind) {
        return Gauge.of(NAME, age.toSeconds(), "How old the newest backup is").withLabel("kind", kind);
    }
}
