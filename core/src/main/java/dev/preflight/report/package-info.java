/**
 * Renders a {@link dev.preflight.Report} for people and machines: text for terminals, versioned JSON,
 * JUnit XML for CI servers and a Markdown checklist. Pick one with {@link dev.preflight.report.ReportFormat}.
 *
 * <p>Writers redact nothing: the runner has already redacted every text of a report.
 */
package dev.preflight.report;
