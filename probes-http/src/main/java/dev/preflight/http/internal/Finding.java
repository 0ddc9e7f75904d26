package dev.preflight.http.internal;

import dev.preflight.probe.Status;

/**
 * One thing wrong with a chain, with what to do about it.
 *
 * @param status WARN or FAIL
 * @param summary one line for the report
 * @param remediation what to fix
 */
public record Finding(Status status, String summary, String remediation) {
}
