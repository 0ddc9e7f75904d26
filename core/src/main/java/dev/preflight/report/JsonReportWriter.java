package dev.preflight.report;

import dev.preflight.Preflight;
import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.Waiver;
import dev.preflight.probe.Status;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Renders a report as versioned JSON for machines. The shape is public API, described by the JSON
 * Schema {@code dev/preflight/report/report.schema.json} in the core jar:
 *
 * <pre>{@code
 * {"schema": 1, "generator": {"name": "preflight", "version": "0.1.0"},
 *  "startedAt": "2026-11-23T10:00:00Z", "finishedAt": "...", "durationMs": 1234, "status": "fail",
 *  "summary": {"pass": 3, "warn": 1, "fail": 1, "error": 0, "skip": 0, "waived": 1},
 *  "results": [{"probe": "env.debug", "title": "...", "target": "shop", "targetKind": "web",
 *               "subject": "...", "status": "fail", "summary": "...", "details": {...},
 *               "remediation": "...", "durationMs": 4,
 *               "waiver": {"reason": "...", "expires": "2027-03-01", "active": true}}],
 *  "unnamedWriters": ["http.rate-limit"]}
 * }</pre>
 *
 * <p>{@code unnamedWriters} (since 0.2) is present only when the run left out writing probes because
 * nobody named them ({@link Report#unnamedWriters()}); they have no result and no count.
 *
 * <p>Statuses are lower case. Detail values keep their JSON types; numbers without a JSON form (NaN,
 * infinities) are written as strings. New fields may be added within schema 1; renaming or removing
 * one raises {@link #SCHEMA_VERSION}. Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class JsonReportWriter implements ReportWriter {
    /** The version of the JSON shape, written as {@code "schema"}. */
    public static final int SCHEMA_VERSION = 1;

    @Override
    public void write(Report report, Appendable out) throws IOException {
        PrettyJson json = new PrettyJson().beginObject();
        json.name("schema").value(SCHEMA_VERSION);
        json.name("generator").beginObject()
                .name("name").value("preflight")
                .name("version").value(Preflight.version())
                .endObject();
        json.name("startedAt").value(report.startedAt().toString());
        json.name("finishedAt").value(report.finishedAt().toString());
        json.name("durationMs").value(report.duration().toMillis());
        json.name("status").value(report.overall().label());
        json.name("summary").beginObject();
        for (Status status : List.of(Status.PASS, Status.WARN, Status.FAIL, Status.ERROR, Status.SKIP)) {
            json.name(status.label()).value(report.count(status));
        }
        json.name("waived").value(report.waivedCount()).endObject();
        json.name("results").beginArray();
        report.outcomes().forEach(o -> result(json, o, report));
        json.endArray();
        if (!report.unnamedWriters().isEmpty()) {
            json.name("unnamedWriters").beginArray();
            report.unnamedWriters().forEach(json::value);
            json.endArray();
        }
        json.endObject();
        out.append(json.toString()).append('\n');
    }

    private static void result(PrettyJson json, ProbeOutcome o, Report report) {
        json.beginObject();
        json.name("probe").value(o.probeId());
        json.name("title").value(Tally.title(o));
        json.name("target").value(o.target());
        json.name("targetKind").value(o.targetKind() == null ? null : o.targetKind().label());
        json.name("subject").value(o.subject() == null ? o.target() : o.subject());
        json.name("status").value(o.status().label());
        json.name("summary").value(o.result().summary());
        json.name("details").beginObject();
        for (Map.Entry<String, Object> detail : o.result().details().entrySet()) {
            detailValue(json.name(detail.getKey()), detail.getValue());
        }
        json.endObject();
        json.name("remediation").value(o.result().remediation().orElse(null));
        json.name("durationMs").value(o.duration().toMillis());
        json.name("waiver");
        Waiver waiver = o.waiver();
        if (waiver == null) {
            json.nullValue();
        } else {
            json.beginObject()
                    .name("reason").value(waiver.reason())
                    .name("expires").value(waiver.expires().toString())
                    .name("active").value(WaiverNote.active(o, report.startedAt()))
                    .endObject();
        }
        json.endObject();
    }

    private static void detailValue(PrettyJson json, Object value) {
        if (value instanceof Boolean) {
            json.value((Boolean) value);
        } else if (value instanceof Number) {
            String literal = JsonStrings.number((Number) value);
            json.literal(literal != null ? literal : JsonStrings.quote(value.toString()));
        } else if (value instanceof List) {
            json.beginArray();
            ((List<?>) value).forEach(v -> detailValue(json, v));
            json.endArray();
        } else {
            json.value(String.valueOf(value));
        }
    }
}
