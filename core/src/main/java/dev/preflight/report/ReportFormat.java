package dev.preflight.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The formats Preflight renders reports in, as named on command lines and in configuration files.
 *
 * <pre>{@code
 * ReportFormat format = ReportFormat.parse("junit");          // also "xml", "junit-xml"
 * format.writer(false).write(report, System.out);
 * }</pre>
 *
 * @since 0.1
 */
public enum ReportFormat {
    /** Lines for a terminal, optionally coloured. */
    TEXT("txt"),
    /** Versioned JSON, described by {@code dev/preflight/report/report.schema.json}. */
    JSON("json"),
    /** JUnit XML, so CI servers show every check as a test case. Also named {@code junit-xml} or {@code xml}. */
    JUNIT("xml", "junit-xml", "xml"),
    /** A production-readiness checklist in Markdown. Also named {@code md}. */
    MARKDOWN("md", "md");

    private final String extension;
    private final String[] aliases;

    ReportFormat(String extension, String... aliases) {
        this.extension = extension;
        this.aliases = aliases;
    }

    /**
     * Finds a format by its name or an alias, ignoring case.
     *
     * @param name e.g. {@code "json"}, {@code "JUnit-XML"} or {@code "md"}
     * @return the format
     * @throws IllegalArgumentException if no format has that name; the message lists the valid names
     */
    public static ReportFormat parse(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (ReportFormat format : values()) {
            if (format.label().equals(wanted) || Arrays.asList(format.aliases).contains(wanted)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + name + "'; use one of " + validNames());
    }

    private static String validNames() {
        return Arrays.stream(values())
                .map(f -> f.aliases.length == 0 ? f.label() : f.label() + " (" + String.join(", ", f.aliases) + ")")
                .collect(Collectors.joining(", "));
    }

    /** @return the lower-case name, e.g. {@code "junit"} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the usual file name extension, without the dot: {@code txt}, {@code json}, {@code xml}, {@code md} */
    public String fileExtension() {
        return extension;
    }

    /**
     * @param colour whether to colour the output with ANSI escapes; only {@link #TEXT} uses it
     * @return a writer for this format
     */
    public ReportWriter writer(boolean colour) {
        return switch (this) {
            case TEXT -> new TextReportWriter(colour);
            case JSON -> new JsonReportWriter();
            case JUNIT -> new JunitXmlReportWriter();
            case MARKDOWN -> new MarkdownReportWriter();
        };
    }
}
