package dev.preflight.report;

import dev.preflight.Report;
import java.io.IOException;

/**
 * Renders a report in one format.
 *
 * <p>Implementations are stateless and safe for concurrent use. They render the whole report before
 * appending it, so a failing {@code out} is the only source of an {@link IOException}; what they write
 * ends with a line break.
 *
 * <pre>{@code
 * try (Writer out = Files.newBufferedWriter(Path.of("report.json"))) {
 *     new JsonReportWriter().write(report, out);
 * }
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ReportWriter {

    /**
     * Appends the rendered report to {@code out}.
     *
     * @param report the report to render
     * @param out where to append it; not flushed or closed
     * @throws IOException if {@code out} fails
     */
    void write(Report report, Appendable out) throws IOException;
}
