package dev.preflight.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.preflight.testsupport.Promtool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example files in {@code examples/prometheus} are what Prometheus users copy: promtool must
 * accept the scrape configuration and the alerting rules, the rules' unit tests must pass, and every
 * query of the Grafana dashboard must parse and name only metrics the exporter serves.
 */
class ExampleFilesTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "prometheus");
    /** What /probe and /metrics serve; the declared gauges are those Preflight's probes declare today. */
    private static final Set<String> SERVED = Set.of("preflight_probe_status", "preflight_probe_success",
            "preflight_probe_duration_seconds", "preflight_probe_result_age_seconds",
            "preflight_tls_certificate_expiry_timestamp_seconds", "preflight_backup_age_seconds",
            "preflight_postgres_last_archive_age_seconds", "preflight_redis_last_save_age_seconds",
            "preflight_dns_spf_lookups", "preflight_domain_expiry_timestamp_seconds",
            "preflight_exporter_requests_total", "preflight_exporter_runs_total",
            "preflight_exporter_cache_hits_total", "preflight_exporter_probe_errors_total",
            "preflight_exporter_config_reloads_total", "preflight_exporter_config_last_reload_success_timestamp_seconds");
    private static final Pattern METRIC = Pattern.compile("\\bpreflight_[a-z0-9_]+");

    @TempDir
    Path dir;

    @Test
    void promtoolAcceptsTheScrapeConfigurationAndTheRulesAndTheirTestsPass() throws IOException {
        Promtool.assumeAvailable();

        assertThat(Promtool.run("check", "config", EXAMPLES.resolve("prometheus.yml").toString())).contains("SUCCESS");
        assertThat(Promtool.run("check", "rules", EXAMPLES.resolve("preflight-rules.yml").toString()))
                .contains("SUCCESS: 5 rules found");
        assertThat(Promtool.run("test", "rules", EXAMPLES.resolve("preflight-rules.test.yml").toString()))
                .contains("SUCCESS");
    }

    @Test
    void everyDashboardQueryParsesAndNamesOnlyServedMetrics() throws IOException {
        Promtool.assumeAvailable();
        JsonNode dashboard = new ObjectMapper().readTree(EXAMPLES.resolve("grafana-dashboard.json").toFile());
        List<String> queries = new ArrayList<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> queries.add(t.path("expr").asText())));
        assertThat(queries).hasSizeGreaterThan(5).allSatisfy(q -> assertThat(q).isNotBlank());

        // promtool parses PromQL only inside rules: make each query a recording rule and check those.
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        Set<String> named = new TreeSet<>();
        for (int i = 0; i < queries.size(); i++) {
            rules.append("      - record: dashboard:query").append(i).append("\n        expr: '")
                    .append(queries.get(i).replace("'", "''")).append("'\n");
            Matcher m = METRIC.matcher(queries.get(i));
            while (m.find()) {
                named.add(m.group());
            }
        }
        Path file = Files.writeString(dir.resolve("dashboard-rules.yml"), rules);
        assertThat(Promtool.run("check", "rules", file.toString())).contains("SUCCESS: " + queries.size() + " rules found");
        assertThat(SERVED).containsAll(named);
    }
}
