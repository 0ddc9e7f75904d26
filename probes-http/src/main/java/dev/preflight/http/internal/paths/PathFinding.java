package dev.preflight.http.internal.paths;

import dev.preflight.probe.Status;

/**
 * What one configured path showed: its verdict, a line for the details, and what to change.
 *
 * @param status the path's own verdict
 * @param path the path as shown, e.g. {@code /admin/}
 * @param seen what it answered, e.g. {@code answers 200 without credentials}
 * @param remediation what to change, or null for a PASS
 */
public record PathFinding(Status status, String path, String seen, String remediation) {
    /** @return e.g. {@code /admin/: answers 200 without credentials} */
    public String describe() {
        return path + ": " + seen;
    }
}
