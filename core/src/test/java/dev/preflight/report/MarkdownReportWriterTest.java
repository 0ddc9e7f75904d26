package dev.preflight.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MarkdownReportWriterTest {

    private static String markdown(Report report) {
        return Reports.render(new MarkdownReportWriter(), report);
    }

    @Test
    void startsWithTitleDateCountsAndVerdict() {
        String md = markdown(Reports.sample());

        assertThat(md).startsWith("# Production readiness checklist\n\nChecked on 2026-11-23 (UTC)");
        assertThat(md.lines().skip(2).findFirst().orElseThrow())
                .contains("6 checks on 1 target", "1 passed, 1 warning, 2 failed, 1 error, 1 skipped, 1 waived")
                .endsWith("Verdict: **FAIL**");
    }

    @Test
    void passIsTickedAndProblemsAreOpen() {
        String md = markdown(Reports.sample());

        assertThat(md).contains("\n## shop (web)\n\n");
        assertThat(md).contains("- [x] **HSTS is enabled** — PASS: HSTS max-age is one year (`http.hsts`)\n");
        assertThat(md).contains("- [ ] **A Content-Security-Policy is set** — WARN: no Content-Security-Policy header"
                + " (`http.csp`)\n  - Fix: Add a Content-Security-Policy header.\n");
        assertThat(md).contains("- [ ] **Responses are compressed** — FAIL: responses are not compressed"
                + " (`http.compression`)\n  - Fix: Enable gzip or brotli.\n");
        assertThat(md).contains("- [ ] **The certificate is valid** — ERROR: connection refused by"
                + " shop.example.com:443 (`tls.expiry`)\n");
    }

    @Test
    void writingProbesNobodyNamedCloseTheChecklistOnce() {
        String md = Reports.render(new MarkdownReportWriter(), Reports.withUnnamedWriters());

        assertThat(md).endsWith("\nNot run: http.rate-limit, stripe.webhook-signature, which send requests or write to"
                + " their targets; name them to run them (--probe http.rate-limit,stripe.webhook-signature)\n");
    }

    @Test
    void skipIsTickedAndStruckThrough() {
        assertThat(markdown(Reports.sample()))
                .contains("- [x] ~~**robots.txt allows crawling**~~ — SKIP: not configured (`http.robots`)\n");
    }

    @Test
    void waivedFailureStaysOpenWithTheWaiverNoted() {
        assertThat(markdown(Reports.sample())).contains("- [ ] **Debug mode is off** — FAIL: DEBUG is on"
                + " (`env.debug` on `203.0.113.7:443`)\n"
                + "  - Fix: Set DEBUG=false in production.\n"
                + "  - Waived until 2027-03-01: staging mirror, no real data\n");
    }

    @Test
    void targetControlledTextCannotInjectMarkup() {
        Result result = Result.builder(Status.FAIL)
                .summary("*bold* _em_ `code` [link](https://evil.example) <script> a|b ~~x~~ &amp;")
                .remediation("line one\n# Heading\n- [x] forged item")
                .build();
        ProbeOutcome outcome = new ProbeOutcome("http.evil", "# Title | with [brackets]", "# evil **target**",
                TargetKind.WEB, "https://evil.example", result, Duration.ZERO, null, false);

        String md = markdown(Reports.of(outcome));

        assertThat(md).contains("\n## \\# evil \\*\\*target\\*\\* (web)\n");
        assertThat(md).contains("- [ ] **\\# Title \\| with \\[brackets\\]** — FAIL: \\*bold\\* \\_em\\_ \\`code\\`"
                + " \\[link\\](https://evil.example) \\<script\\> a\\|b \\~\\~x\\~\\~ \\&amp; (`http.evil`)\n");
        assertThat(md).contains("  - Fix: line one \\# Heading - \\[x\\] forged item\n");
        assertThat(md.lines()).noneMatch(l -> l.startsWith("# Heading") || l.startsWith("- [x] forged"));
    }

    @Test
    void probeIdWithABacktickIsEscapedRatherThanCoded() {
        ProbeOutcome outcome = Reports.outcome("x`y", Result.pass("ok"));

        assertThat(markdown(Reports.of(outcome))).contains("(x\\`y)");
    }

    @Test
    void providerThatFailedToLoadHasASectionWithoutKind() {
        String md = markdown(Reports.of(Reports.loadFailure()));

        assertThat(md).contains("\n## preflight\n\n- [ ] **Every probe provider loads** — ERROR:");
        assertThat(md).contains("1 check on 0 targets");
    }
}
