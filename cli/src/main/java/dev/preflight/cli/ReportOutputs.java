package dev.preflight.cli;

import dev.preflight.report.ReportFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pairs {@code --format} and {@code --output} options into report destinations.
 *
 * <p>The n-th {@code --output} gets the n-th {@code --format}, or the format its extension implies
 * ({@code .json}, {@code .xml}, {@code .md}, else text); formats beyond the outputs go to standard
 * output, at most one of them; when no format goes there, the text report does, unless quiet.
 */
final class ReportOutputs {
    /** One report to write: a format and a file, or standard output when {@code file} is null. */
    record Destination(ReportFormat format, Path file) {
    }

    private ReportOutputs() {
    }

    static List<Destination> plan(List<String> formats, List<Path> outputs, boolean quiet) {
        List<Destination> plan = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            Path file = outputs.get(i);
            ReportFormat format = i < formats.size() ? ReportFormat.parse(formats.get(i)) : implied(file);
            plan.add(new Destination(format, file.toString().equals("-") ? null : file));
        }
        List<String> toStdout = formats.size() > outputs.size() ? formats.subList(outputs.size(), formats.size()) : List.of();
        if (toStdout.size() > 1) {
            throw new IllegalArgumentException("only one report can go to standard output; give an --output FILE for each of "
                    + String.join(", ", toStdout));
        }
        boolean stdoutTaken = plan.stream().anyMatch(d -> d.file() == null);
        if (!toStdout.isEmpty()) {
            if (stdoutTaken) {
                throw new IllegalArgumentException("only one report can go to standard output");
            }
            plan.add(new Destination(ReportFormat.parse(toStdout.get(0)), null));
        } else if (!stdoutTaken && !quiet) {
            plan.add(new Destination(ReportFormat.TEXT, null));
        }
        return plan;
    }

    private static ReportFormat implied(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return ReportFormat.JSON;
        }
        if (name.endsWith(".xml")) {
            return ReportFormat.JUNIT;
        }
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return ReportFormat.MARKDOWN;
        }
        return ReportFormat.TEXT;
    }
}
