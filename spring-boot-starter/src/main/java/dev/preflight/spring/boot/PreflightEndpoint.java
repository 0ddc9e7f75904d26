package dev.preflight.spring.boot;

import dev.preflight.Report;
import dev.preflight.report.JsonReportWriter;
import dev.preflight.spring.boot.internal.CachedRuns;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The Actuator endpoint {@code preflight}: {@code GET /actuator/preflight} returns the latest report
 * (the one health uses, run if older than {@code preflight.health.cache}) as Preflight's JSON report,
 * schema 1 ({@link JsonReportWriter}); {@code POST} runs the probes again and returns the new report,
 * which health then uses. Like every Actuator endpoint it is served over the web only when exposed
 * ({@code management.endpoints.web.exposure.include=health,preflight}), and is secured as the
 * application secures its other endpoints; {@code management.endpoint.preflight.access=read-only}
 * turns the re-run off. Texts are redacted by the runner. Thread-safe.
 *
 * @since 0.3
 */
@Endpoint(id = "preflight")
public class PreflightEndpoint {
    private static final String JSON = "application/json";

    private final CachedRuns runs;

    PreflightEndpoint(CachedRuns runs) {
        this.runs = runs;
    }

    /** @return the latest report as JSON */
    @ReadOperation(produces = JSON)
    public String report() {
        return json(runs.current());
    }

    /** @return a new report as JSON */
    @WriteOperation(produces = JSON)
    public String rerun() {
        return json(runs.refresh());
    }

    private static String json(Report report) {
        StringBuilder out = new StringBuilder();
        try {
            new JsonReportWriter().write(report, out);
        } catch (IOException e) {
            // a StringBuilder does not throw
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
