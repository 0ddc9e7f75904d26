package dev.preflight.report;

import dev.preflight.Preflight;
import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.Waiver;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Reports for the writer tests: real runs of fixed probes, or outcomes put together by hand. */
final class Reports {
    static final Instant STARTED = Instant.parse("2026-11-23T10:00:00Z");
    static final LocalDate MARCH_1 = LocalDate.of(2027, 3, 1);
    static final Target SHOP = Target.builder("shop", TargetKind.WEB).uri(URI.create("https://shop.example.com")).build();

    private Reports() {
    }

    /**
     * One check of each status on the target "shop", through the real runner: http.hsts passes,
     * http.csp warns, http.compression fails, env.debug fails but is waived (and carries details of
     * every type and a subject), tls.expiry errs, http.robots is skipped.
     */
    static Report sample() {
        Result debug = Result.builder(Status.FAIL)
                .summary("DEBUG is on")
                .remediation("Set DEBUG=false in production.")
                .subject("203.0.113.7:443")
                .detail("variable", "DEBUG")
                .detail("port", 443)
                .detail("bytes", 12_345_678_901L)
                .detail("ratio", 0.5)
                .detail("notANumber", Double.NaN)
                .detail("enabled", true)
                .detail("files", List.of(".env", ".env.production"))
                .detail("codes", List.of(200, 301))
                .build();
        return Preflight.builder().discoverProbes(false)
                .clock(Clock.fixed(STARTED, ZoneOffset.UTC))
                .addProbe(new FixedProbe("http.hsts", "HSTS is enabled", Result.pass("HSTS max-age is one year")))
                .addProbe(new FixedProbe("http.csp", "A Content-Security-Policy is set",
                        Result.warn("no Content-Security-Policy header", "Add a Content-Security-Policy header.")))
                .addProbe(new FixedProbe("http.compression", "Responses are compressed",
                        Result.fail("responses are not compressed", "Enable gzip or brotli.")))
                .addProbe(new FixedProbe("env.debug", "Debug mode is off", debug))
                .addProbe(new FixedProbe("tls.expiry", "The certificate is valid",
                        Result.error("connection refused by shop.example.com:443", null)))
                .addProbe(new FixedProbe("http.robots", "robots.txt allows crawling", Result.skip("not configured")))
                .target(SHOP)
                .waiver(new Waiver("env.debug", "shop", "staging mirror, no real data", MARCH_1))
                .build().run();
    }

    /** A report of one passing check that left out two writing probes nobody named. */
    static Report withUnnamedWriters() {
        return new Report(STARTED, Duration.ofMillis(1200), List.of(outcome("http.hsts", Result.pass("fine"))),
                List.of("stripe.webhook-signature", "http.rate-limit"));
    }

    /** A report of the given outcomes, started at {@link #STARTED} and lasting 1.2 seconds. */
    static Report of(ProbeOutcome... outcomes) {
        return new Report(STARTED, Duration.ofMillis(1200), List.of(outcomes));
    }

    /** An outcome of {@code result} on "shop" that took 4 ms, with no waiver. */
    static ProbeOutcome outcome(String probeId, Result result) {
        return new ProbeOutcome(probeId, "Title of " + probeId, "shop", TargetKind.WEB,
                "https://shop.example.com", result, Duration.ofMillis(4), null, false);
    }

    /** The outcome the runner reports for a probe provider that failed to load. */
    static ProbeOutcome loadFailure() {
        Result error = Result.builder(Status.ERROR).summary("probe provider acme.Broken failed to load: boom")
                .detail("provider", "acme.Broken").detail("location", "/opt/acme.jar").build();
        return new ProbeOutcome("preflight.load", "Every probe provider loads", "preflight", null, "/opt/acme.jar",
                error, Duration.ZERO, null, false);
    }

    static String render(ReportWriter writer, Report report) {
        StringBuilder out = new StringBuilder();
        try {
            writer.write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
