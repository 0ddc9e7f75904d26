package dev.preflight.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.Waiver;
import dev.preflight.probe.Result;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TextReportWriterTest {
    private static final String ESC = "\u001b";

    private static String text(Report report, boolean colour) {
        return Reports.render(new TextReportWriter(colour), report);
    }

    @Test
    void withoutColourThereAreNoAnsiEscapes() {
        assertThat(text(Reports.sample(), false)).doesNotContain(ESC);
    }

    @Test
    void withColourStatusesAreColouredAndHeadingsBold() {
        String text = text(Reports.sample(), true);

        assertThat(text).contains(ESC + "[32m✔ PASS " + ESC + "[0m", ESC + "[33m! WARN " + ESC + "[0m",
                ESC + "[31m✖ FAIL " + ESC + "[0m", ESC + "[35m? ERROR" + ESC + "[0m", ESC + "[90m- SKIP " + ESC + "[0m",
                ESC + "[1mshop  (web)" + ESC + "[0m");
    }

    @Test
    void headerNamesVersionChecksAndTargets() {
        assertThat(text(Reports.sample(), false)).startsWith("Preflight dev · 6 checks on 1 target\n\nshop  (web)\n");
    }

    @Test
    void everyOutcomeIsOneLineWithMarkLabelAlignedIdAndSummary() {
        String text = text(Reports.sample(), false);

        assertThat(text).contains(
                "  ✖ FAIL   http.compression  responses are not compressed\n",
                "  ! WARN   http.csp          no Content-Security-Policy header\n",
                "  ✔ PASS   http.hsts         HSTS max-age is one year\n",
                "  - SKIP   http.robots       not configured\n",
                "  ? ERROR  tls.expiry        connection refused by shop.example.com:443\n");
    }

    @Test
    void remediationFollowsWarningsAndFailuresOnAnIndentedLine() {
        String text = text(Reports.sample(), false);
        String indent = " ".repeat(29);

        assertThat(text).contains("no Content-Security-Policy header\n" + indent
                + "→ Add a Content-Security-Policy header.\n");
        assertThat(text).contains("responses are not compressed\n" + indent + "→ Enable gzip or brotli.\n");
    }

    @Test
    void waivedOutcomeShowsItsWaiverAndANarrowSubjectInBrackets() {
        assertThat(text(Reports.sample(), false)).contains("  ✖ FAIL   env.debug         DEBUG is on  [203.0.113.7:443]\n"
                + " ".repeat(29) + "→ Set DEBUG=false in production.\n"
                + " ".repeat(29) + "(waived until 2027-03-01: staging mirror, no real data)\n");
    }

    @Test
    void expiredWaiverIsShownAsExpired() {
        ProbeOutcome o = Reports.outcome("http.csp", Result.warn("no CSP", "Add one."));
        Waiver expired = new Waiver("http.csp", null, "until the CDN move", LocalDate.of(2026, 11, 1));
        Report report = Reports.of(new ProbeOutcome(o.probeId(), o.title(), o.target(), o.targetKind(), o.subject(),
                o.result(), o.duration(), expired, false));

        assertThat(text(report, false)).contains("(waiver expired 2026-11-01: until the CDN move)");
    }

    @Test
    void lastLineCountsEveryStatusTheWaivedAndTheDuration() {
        String text = text(Reports.of(Reports.outcome("http.a", Result.pass("ok")),
                Reports.outcome("http.b", Result.fail("bad", null))), false);

        assertThat(text).endsWith("\n1 passed, 0 warnings, 1 failed, 0 errors, 0 skipped in 1.2s\n");
        assertThat(text(Reports.sample(), false).lines().reduce((a, b) -> b).orElseThrow())
                .startsWith("1 passed, 1 warning, 2 failed, 1 error, 1 skipped, 1 waived in ");
    }

    @Test
    void writingProbesNobodyNamedAreNamedOnceOnTheLastLine() {
        String text = text(Reports.withUnnamedWriters(), false);

        assertThat(text.strip().lines().reduce((a, b) -> b).orElseThrow()).isEqualTo("not run: http.rate-limit,"
                + " stripe.webhook-signature, which send requests or write to their targets; name them to run them"
                + " (--probe http.rate-limit,stripe.webhook-signature)");
        assertThat(text).containsOnlyOnce("not run:").doesNotContain("SKIP");
    }

    @Test
    void controlCharactersFromTheTargetCannotReachTheTerminal() {
        Result result = Result.fail("title " + ESC + "]0;pwned" + "\u0007", "run " + ESC + "[2J now");

        String text = text(Reports.of(Reports.outcome("http.evil", result)), false);

        assertThat(text).doesNotContain(ESC, "\u0007").contains("title \uFFFD]0;pwned\uFFFD", "run \uFFFD[2J now");
    }

    @Test
    void multiLineRemediationStaysUnderTheArrow() {
        String text = text(Reports.of(Reports.outcome("http.a", Result.fail("bad", "first\nsecond"))), false);
        String indent = " ".repeat(2 + 7 + 2 + 6 + 2);

        assertThat(text).contains(indent + "→ first\n" + indent + "  second\n");
    }

    @Test
    void providerThatFailedToLoadIsHeadedByItsPseudoTargetWithoutKind() {
        String text = text(Reports.of(Reports.loadFailure()), false);

        assertThat(text).startsWith("Preflight dev · 1 check on 0 targets\n\npreflight\n  ? ERROR  preflight.load  ");
    }
}
