package dev.preflight.http.internal;

import dev.preflight.probe.Status;

/**
 * One thing wrong with a response's security headers, with what to do about it and what it costs in
 * the Observatory-style score.
 *
 * @param header the header it is about, e.g. {@code Content-Security-Policy}
 * @param status WARN or FAIL
 * @param summary one line for the report
 * @param remediation what to change
 * @param penalty points taken off the score of 100; within one header only the largest counts
 */
public record HeaderFinding(String header, Status status, String summary, String remediation, int penalty) {
}
