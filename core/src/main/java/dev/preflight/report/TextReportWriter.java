package dev.preflight.report;

import dev.preflight.Preflight;
import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.Status;
import dev.preflight.support.Durations;
import java.io.IOException;
import java.util.List;

/**
 * Renders a report as lines for a terminal: a header, a section per target with one line per check,
 * remediation and waivers under the checks they concern, and a closing line of counts.
 *
 * <pre>
 * Preflight 0.1.0 · 3 checks on 1 target
 *
 * shop  (web)
 *   ✔ PASS   http.hsts   HSTS max-age is one year
 *   ✖ FAIL   env.debug   DEBUG=true  [.env.production]
 *                        → Set DEBUG=false in production.
 *   - SKIP   stripe.key  no Stripe account configured
 *
 * 1 passed, 0 warnings, 1 failed, 0 errors, 1 skipped in 1.2s
 * not run: http.rate-limit, which sends requests or writes to its targets; name it to run it (--probe http.rate-limit)
 * </pre>
 *
 * <p>The last line appears only when the run left out writing probes nobody named ({@link
 * Report#unnamedWriters()}), once however many targets they applied to.
 *
 * <p>ANSI colour is used only when asked for; control characters in texts are replaced, so a target
 * cannot send escape sequences to the terminal. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class TextReportWriter implements ReportWriter {
    private static final String BOLD = "1";
    private static final String GREY = "90";
    private static final int LABEL_WIDTH = 5;

    private final boolean colour;

    /** @param colour whether to colour the output with ANSI escape sequences */
    public TextReportWriter(boolean colour) {
        this.colour = colour;
    }

    @Override
    public void write(Report report, Appendable out) throws IOException {
        int idWidth = report.outcomes().stream().mapToInt(o -> o.probeId().length()).max().orElse(0);
        String indent = " ".repeat(2 + 2 + LABEL_WIDTH + 2 + idWidth + 2);
        StringBuilder text = new StringBuilder();
        text.append(paint(BOLD, "Preflight " + clean(Preflight.version()) + " · " + Tally.scope(report))).append('\n');
        for (TargetGroup group : TargetGroup.of(report)) {
            String kind = group.kind() == null ? "" : "  (" + group.kindLabel() + ")";
            text.append('\n').append(paint(BOLD, clean(group.name()) + kind)).append('\n');
            for (ProbeOutcome o : group.outcomes()) {
                line(text, o, idWidth, indent);
            }
        }
        text.append('\n').append(paint(BOLD, Tally.counts(report) + " in " + Durations.format(report.duration())))
                .append('\n');
        Tally.notRun(report).ifPresent(line -> text.append(paint(GREY, line)).append('\n'));
        out.append(text);
    }

    private void line(StringBuilder text, ProbeOutcome o, int idWidth, String indent) {
        Status status = o.status();
        String label = mark(status) + " " + pad(status.name(), LABEL_WIDTH);
        text.append("  ").append(paint(colourOf(status), label)).append("  ")
                .append(pad(clean(o.probeId()), idWidth)).append("  ").append(clean(o.result().summary()));
        String subject = Tally.narrowSubject(o);
        if (subject != null) {
            text.append("  [").append(clean(subject)).append(']');
        }
        text.append('\n');
        if (status == Status.WARN || status == Status.FAIL) {
            o.result().remediation().ifPresent(r -> {
                List<String> lines = r.strip().lines().map(TextReportWriter::clean).toList();
                text.append(indent).append("→ ").append(lines.get(0)).append('\n');
                lines.stream().skip(1).forEach(l -> text.append(indent).append("  ").append(l).append('\n'));
            });
        }
        WaiverNote.of(o).ifPresent(note -> text.append(indent).append(paint(GREY, "(" + clean(note) + ")")).append('\n'));
    }

    private static String mark(Status status) {
        return switch (status) {
            case PASS -> "✔";
            case WARN -> "!";
            case FAIL -> "✖";
            case ERROR -> "?";
            case SKIP -> "-";
        };
    }

    private static String colourOf(Status status) {
        return switch (status) {
            case PASS -> "32";
            case WARN -> "33";
            case FAIL -> "31";
            case ERROR -> "35";
            case SKIP -> GREY;
        };
    }

    private String paint(String code, String text) {
        return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /** Control characters, ESC above all, would let a target drive the terminal. */
    private static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '\uFFFD' : c));
        return out.toString();
    }
}
