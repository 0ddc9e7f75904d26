package dev.preflight.testkit.internal;

import dev.preflight.Report;
import dev.preflight.report.ReportFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report rendered in one format, and the text a reader of it sees: a secret escaped by the format
 * ({@code sk\_live\_…} in Markdown, {@code \u005f} in JSON) is still a leak.
 */
final class Renderings {
    /** CommonMark lets a backslash escape any ASCII punctuation character. */
    private static final Pattern MARKDOWN_ESCAPE = Pattern.compile("\\\\([!-/:-@\\[-`{-~])");
    private static final Pattern XML_REFERENCE = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|quot|apos|amp);");

    private Renderings() {
    }

    static String render(Report report, ReportFormat format) {
        StringBuilder out = new StringBuilder();
        try {
            format.writer(false).write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }

    static String asRead(ReportFormat format, String rendered) {
        return switch (format) {
            case TEXT -> rendered;
            case JSON -> unescapeJson(rendered);
            case JUNIT -> XML_REFERENCE.matcher(rendered).replaceAll(m -> Matcher.quoteReplacement(xmlChar(m.group(1))));
            case MARKDOWN -> MARKDOWN_ESCAPE.matcher(rendered).replaceAll("$1");
        };
    }

    private static String xmlChar(String reference) {
        return switch (reference) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "amp" -> "&";
            default -> Character.toString(reference.startsWith("#x")
                    ? Integer.parseInt(reference.substring(2), 16) : Integer.parseInt(reference.substring(1)));
        };
    }

    private static String unescapeJson(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c != '\\' || i + 1 >= json.length()) {
                out.append(c);
                continue;
            }
            char next = json.charAt(++i);
            if (next == 'u' && i + 4 < json.length()) {
                out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                i += 4;
            } else {
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    default -> next;
                });
            }
        }
        return out.toString();
    }
}
