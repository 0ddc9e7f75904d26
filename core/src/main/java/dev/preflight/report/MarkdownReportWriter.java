package dev.preflight.report;

import dev.preflight.Preflight;
import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.Status;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Renders a report as a production-readiness checklist in Markdown, for pull requests, wikis and
 * tickets: a section per target and a task-list item per check.
 *
 * <pre>{@code
 * ## shop (web)
 *
 * - [x] **HSTS is enabled** — PASS: max-age is one year (`http.hsts`)
 * - [ ] **Debug mode is off** — FAIL: DEBUG=true (`env.debug`)
 *   - Fix: Set DEBUG=false in production.
 * - [x] ~~**Stripe webhooks are signed**~~ — SKIP: no Stripe account configured (`stripe.webhooks`)
 * }</pre>
 *
 * <p>PASS is ticked; WARN, FAIL and ERROR are open, waived or not, with the waiver noted; SKIP is
 * ticked and struck through, as not applicable. Writing probes left out because nobody named them
 * ({@link Report#unnamedWriters()}) are named once, in a closing paragraph. Every text from a target or probe is escaped, so it
 * cannot add markup. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class MarkdownReportWriter implements ReportWriter {

    @Override
    public void write(Report report, Appendable out) throws IOException {
        StringBuilder md = new StringBuilder("# Production readiness checklist\n\n");
        LocalDate day = LocalDate.ofInstant(report.startedAt(), ZoneOffset.UTC);
        md.append("Checked on ").append(day).append(" (UTC) by Preflight ").append(MarkdownText.escape(Preflight.version()))
                .append(": ").append(Tally.scope(report)).append(", ").append(Tally.counts(report))
                .append(". Verdict: **").append(report.overall().name()).append("**\n");
        for (TargetGroup group : TargetGroup.of(report)) {
            md.append("\n## ").append(MarkdownText.escape(group.name()));
            if (group.kind() != null) {
                md.append(" (").append(group.kindLabel()).append(')');
            }
            md.append("\n\n");
            group.outcomes().forEach(o -> item(md, o));
        }
        Tally.notRun(report).ifPresent(line -> md.append('\n').append(capitalised(MarkdownText.escape(line))).append('\n'));
        out.append(md);
    }

    private static void item(StringBuilder md, ProbeOutcome o) {
        String title = "**" + MarkdownText.escape(Tally.title(o)) + "**";
        if (o.status() == Status.SKIP) {
            md.append("- [x] ~~").append(title).append("~~");
        } else {
            md.append(o.status() == Status.PASS ? "- [x] " : "- [ ] ").append(title);
        }
        md.append(" — ").append(o.status().name()).append(": ").append(MarkdownText.escape(o.result().summary()));
        md.append(" (").append(MarkdownText.code(o.probeId()));
        String subject = Tally.narrowSubject(o);
        if (subject != null) {
            md.append(" on ").append(MarkdownText.code(subject));
        }
        md.append(")\n");
        if (o.status() == Status.WARN || o.status() == Status.FAIL) {
            o.result().remediation().ifPresent(r -> md.append("  - Fix: ").append(MarkdownText.escape(r)).append('\n'));
        }
        WaiverNote.of(o).ifPresent(note -> md.append("  - ").append(capitalised(MarkdownText.escape(note))).append('\n'));
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
