package dev.preflight.db.postgres.internal;

import dev.preflight.probe.Status;

/**
 * What reading one dump showed: its format and whether it is usable ({@link Status#PASS}), not
 * verified in full ({@link Status#WARN}) or broken ({@link Status#FAIL}, with the reason).
 *
 * @param status PASS, WARN or FAIL
 * @param format {@code custom}, {@code directory}, {@code tar}, {@code plain}, {@code gzip+plain}, ... or {@code unknown}
 * @param note what was seen, e.g. {@code gzip stream truncated}; empty for a plain PASS
 */
public record DumpCheck(Status status, String format, String note) {

    static DumpCheck usable(String format) {
        return new DumpCheck(Status.PASS, format, "");
    }

    static DumpCheck partly(String format, String note) {
        return new DumpCheck(Status.WARN, format, note);
    }

    static DumpCheck broken(String format, String note) {
        return new DumpCheck(Status.FAIL, format, note);
    }
}
