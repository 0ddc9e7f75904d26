package dev.preflight.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A private Prometheus server ({@code /usr/bin/prometheus}, Debian package {@code prometheus}) on a
 * free port of {@code 127.0.0.1}, with its configuration, rule files and storage in a fresh
 * temporary directory; {@link #close()} stops exactly the process it started and deletes the
 * directory. Its HTTP API answers the test's queries.
 *
 * <pre>{@code
 * try (PrometheusTestServer prometheus = PrometheusTestServer.start(
 *         Map.of("rules.yml", rules), "global: {scrape_interval: 1s}\nrule_files: [rules.yml]\n...")) {
 *     String alerts = prometheus.api("/api/v1/alerts");
 * }
 * }</pre>
 *
 * <p>Relative paths in the configuration (rule files) resolve in its directory. Starts in well under
 * a second on the build machine; {@link #assumeAvailable()} skips a test without Prometheus.
 *
 * @since 0.3
 */
public final class PrometheusTestServer implements AutoCloseable {
    private static final Path DEFAULT_BINARY = Paths.get("/usr/bin/prometheus");

    private final PrivateProcess prometheus;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PrometheusTestServer(PrivateProcess prometheus, int port) {
        this.prometheus = prometheus;
        this.port = port;
    }

    /** @return Prometheus' path: {@code $PROMETHEUS}, else {@code /usr/bin/prometheus} */
    public static Path binary() {
        return Servers.binary("PROMETHEUS", DEFAULT_BINARY);
    }

    /** Skips the calling test when Prometheus is not installed, unless servers are required. */
    public static void assumeAvailable() {
        Servers.assumeAvailable(binary(), "prometheus");
    }

    /**
     * @param files files to write beside the configuration (rule files), by name
     * @param configuration {@code prometheus.yml}
     * @return the server, once {@code /-/ready} answers 200
     * @throws IOException if it rejects the configuration or is not ready within 30 s
     */
    public static PrometheusTestServer start(Map<String, String> files, String configuration) throws IOException {
        return FreePorts.retryIfTaken(() -> {
            int port = FreePorts.tcp();
            PrivateProcess process = PrivateProcess.builder("prometheus").output("prometheus.log").start(dir -> {
                for (Map.Entry<String, String> file : files.entrySet()) {
                    Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
                }
                Path config = Files.writeString(dir.resolve("prometheus.yml"), configuration, StandardCharsets.UTF_8);
                return List.of(binary().toString(), "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port, "--web.enable-lifecycle");
            });
            PrometheusTestServer server = new PrometheusTestServer(process, port);
            process.awaitReady(Duration.ofSeconds(30), "/-/ready answering 200", server::ready);
            return server;
        });
    }

    /** @return the port its HTTP API listens on */
    public int port() {
        return port;
    }

    /**
     * @param pathAndQuery e.g. {@code /api/v1/alerts}
     * @return the answer's body
     * @throws IOException if the request fails or does not answer 200 within 5 s
     */
    public String api(String pathAndQuery) throws IOException {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + pathAndQuery)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException(pathAndQuery + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted asking Prometheus " + pathAndQuery, e);
        }
    }

    /**
     * @param promql an instant query
     * @return the JSON answer of {@code /api/v1/query}
     * @throws IOException as {@link #api}
     */
    public String query(String promql) throws IOException {
        return api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    /** @return what Prometheus logged so far, for a failure message */
    public String log() {
        return prometheus.log();
    }

    @Override
    public void close() {
        prometheus.close();
    }

    private boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/ready"))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
