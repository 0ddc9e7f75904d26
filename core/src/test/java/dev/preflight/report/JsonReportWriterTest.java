package dev.preflight.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.Waiver;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {
    private static final JsonSchema SCHEMA = loadSchema();

    private static JsonSchema loadSchema() {
        try (InputStream in = JsonReportWriter.class.getResourceAsStream("report.schema.json")) {
            assertThat(in).as("schema on the class path").isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<ValidationMessage> validate(String json) {
        return SCHEMA.validate(json, InputFormat.JSON);
    }

    private static String json(Report report) {
        return Reports.render(new JsonReportWriter(), report);
    }

    @Test
    void reportOfEveryStatusValidatesAgainstTheSchema() {
        assertThat(validate(json(Reports.sample()))).isEmpty();
    }

    @Test
    void reportWithAProviderThatFailedToLoadValidatesWithANullTargetKind() {
        String json = json(Reports.of(Reports.loadFailure()));

        assertThat(validate(json)).isEmpty();
        assertThat(json).contains("\"targetKind\": null");
    }

    @Test
    void emptyReportValidatesAndPasses() {
        String json = json(Reports.of());

        assertThat(validate(json)).isEmpty();
        assertThat(json).contains("\"status\": \"pass\"", "\"results\": []");
    }

    @Test
    void unnamedWritersAreListedOnceAfterTheResultsAndValidate() {
        String json = json(Reports.withUnnamedWriters());

        assertThat(validate(json)).isEmpty();
        assertThat(json).contains("\"unnamedWriters\": [\n    \"http.rate-limit\",\n    \"stripe.webhook-signature\"\n  ]");
        assertThat(json.indexOf("\"unnamedWriters\"")).isGreaterThan(json.indexOf("\"results\""));
        assertThat(json(Reports.sample())).as("absent when there are none").doesNotContain("unnamedWriters");
    }

    @Test
    void schemaRejectsAnExtraTopLevelField() {
        String json = json(Reports.sample()).replaceFirst("\\{", "{\"extra\": 1,");

        assertThat(validate(json)).isNotEmpty();
    }

    @Test
    void schemaRejectsAnExtraFieldInAResult() {
        String json = json(Reports.sample()).replaceFirst("\"probe\":", "\"extra\": true, \"probe\":");

        assertThat(validate(json)).isNotEmpty();
    }

    @Test
    void schemaRejectsAnUnknownStatus() {
        String json = json(Reports.sample()).replaceFirst("\"status\": \"warn\"", "\"status\": \"meh\"");

        assertThat(json).contains("\"meh\"");
        assertThat(validate(json)).isNotEmpty();
    }

    @Test
    void schemaRejectsAResultWithoutRemediation() {
        String json = json(Reports.sample()).replaceFirst("\"remediation\": null,", "");

        assertThat(validate(json)).isNotEmpty();
    }

    @Test
    void schemaRejectsAnObjectAsADetailValue() {
        String json = json(Reports.sample()).replaceFirst("\"port\": 443", "\"port\": {\"n\": 443}");

        assertThat(validate(json)).isNotEmpty();
    }

    @Test
    void topLevelFieldsComeInTheDocumentedOrder() {
        String json = json(Reports.sample());

        assertThat(json).startsWith("{\n  \"schema\": 1,\n  \"generator\": {\n    \"name\": \"preflight\",");
        List<String> keys = List.of("\"schema\"", "\"generator\"", "\"startedAt\"", "\"finishedAt\"", "\"durationMs\"",
                "\"status\"", "\"summary\"", "\"results\"");
        assertThat(keys).extracting(json::indexOf).isSorted().doesNotContain(-1);
    }

    @Test
    void resultFieldsComeInTheDocumentedOrder() {
        String result = json(Reports.of(Reports.outcome("http.hsts", Result.pass("fine"))));

        assertThat(result).contains("""
                    {
                      "probe": "http.hsts",
                      "title": "Title of http.hsts",
                      "target": "shop",
                      "targetKind": "web",
                      "subject": "https://shop.example.com",
                      "status": "pass",
                      "summary": "fine",
                      "details": {},
                      "remediation": null,
                      "durationMs": 4,
                      "waiver": null
                    }
                """);
    }

    @Test
    void countsTimesAndOverallStatusLeaveTheWaivedFailureOut() {
        String json = json(Reports.sample());

        assertThat(json).contains("\"startedAt\": \"2026-11-23T10:00:00Z\"", "\"status\": \"fail\"");
        assertThat(json).contains("""
                  "summary": {
                    "pass": 1,
                    "warn": 1,
                    "fail": 2,
                    "error": 1,
                    "skip": 1,
                    "waived": 1
                  },
                """);
    }

    @Test
    void detailsKeepTheirJsonTypes() {
        String json = json(Reports.sample());

        assertThat(json).contains("\"variable\": \"DEBUG\",", "\"port\": 443,", "\"bytes\": 12345678901,",
                "\"ratio\": 0.5,", "\"notANumber\": \"NaN\",", "\"enabled\": true,");
        assertThat(json).contains("""
                        "files": [
                          ".env",
                          ".env.production"
                        ],
                        "codes": [
                          200,
                          301
                        ]
                """);
    }

    @Test
    void activeWaiverIsWrittenWithItsExpiry() {
        String json = json(Reports.sample());

        assertThat(json).contains("""
                      "waiver": {
                        "reason": "staging mirror, no real data",
                        "expires": "2027-03-01",
                        "active": true
                      }
                """);
    }

    @Test
    void expiredWaiverIsWrittenAsInactive() {
        Waiver expired = new Waiver("http.csp", null, "until the CDN move", LocalDate.of(2026, 11, 1));
        ProbeOutcome o = Reports.outcome("http.csp", Result.warn("no CSP", "Add one."));
        Report report = Reports.of(new ProbeOutcome(o.probeId(), o.title(), o.target(), o.targetKind(), o.subject(),
                o.result(), o.duration(), expired, false));

        String json = json(report);

        assertThat(validate(json)).isEmpty();
        assertThat(json).contains("\"active\": false", "\"status\": \"warn\"");
    }

    @Test
    void stringsAreEscaped() {
        Result result = Result.builder(Status.FAIL).summary("say \"hi\" to C:\\temp")
                .remediation("line one\nline two\ttabbed\r")
                .detail("control", "bell\u0007 esc\u001b nul\u0000")
                .detail("separators", "a\u2028b\u2029c")
                .detail("unicode", "café ✓ 😀")
                .detail("loneSurrogate", "x\uD800y")
                .build();

        String json = json(Reports.of(Reports.outcome("http.escape", result)));

        assertThat(validate(json)).isEmpty();
        assertThat(json).contains(
                "\"summary\": \"say \\\"hi\\\" to C:\\\\temp\"",
                "\"remediation\": \"line one\\nline two\\ttabbed\\r\"",
                "\"control\": \"bell\\u0007 esc\\u001b nul\\u0000\"",
                "\"separators\": \"a\\u2028b\\u2029c\"",
                "\"unicode\": \"café ✓ 😀\"",
                "\"loneSurrogate\": \"x\\ud800y\"");
        assertThat(json.chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();
    }

    @Test
    void infiniteAndFloatDetailsAreWrittenFaithfully() {
        Result result = Result.builder(Status.PASS).summary("numbers")
                .detail("infinite", Double.POSITIVE_INFINITY)
                .detail("tenth", 0.1f)
                .detail("tiny", 1e-7)
                .build();

        String json = json(Reports.of(Reports.outcome("http.numbers", result)));

        assertThat(validate(json)).isEmpty();
        assertThat(json).contains("\"infinite\": \"Infinity\"", "\"tenth\": 0.1,", "\"tiny\": 1.0E-7");
    }

    @Test
    void durationIsWrittenInMilliseconds() {
        Report report = new Report(Reports.STARTED, Duration.ofMillis(1234), List.of());

        assertThat(json(report)).contains("\"durationMs\": 1234,", "\"finishedAt\": \"2026-11-23T10:00:01.234Z\"");
    }
}
