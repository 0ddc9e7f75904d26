package dev.preflight.bench.sweep;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prometheus' {@code blackbox_exporter} (Debian's prometheus-blackbox-exporter) started privately on
 * a free loopback port, asked for one {@code /probe} per site, 16 at a time. Its {@code http_2xx}
 * module validates the chain against the bench root (Go's crypto/x509) and expects a 2xx answer.
 * Each target is {@code https://127.0.0.1:PORT/} with {@code hostname=site-NNNN.bench.test}: the
 * exporter (0.23 and later) sends that name as {@code Host} and as SNI, so no DNS or /etc/hosts entry
 * is needed. Its CPU is the exporter process's; the driver's is not counted.
 */
final class BlackboxSweep {
    static final Path BINARY = Path.of("/usr/bin/prometheus-blackbox-exporter");

    private BlackboxSweep() {
    }

    static boolean isAvailable() {
        return Files.isExecutable(BINARY);
    }

    static Figures run(int port, int count, Path caFile, Path workDir) throws Exception {
        Started started = start(caFile, workDir);
        Process exporter = started.process();
        int listen = started.port();
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + listen;
            AtomicInteger success = new AtomicInteger();
            List<String> failures = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            long cpu0 = ProcStats.cpuNanos(exporter.pid());
            long t0 = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                String host = SweepSites.name(i);
                URI probe = URI.create(base + probePath(port, i));
                done.add(pool.submit(() -> {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(probe)
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains("\nprobe_success 1")) {
                        success.incrementAndGet();
                    } else {
                        synchronized (failures) {
                            failures.add(host + ": " + response.statusCode() + " " + firstErrorLine(response.body()));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            long wall = System.nanoTime() - t0;
            long cpu = ProcStats.cpuNanos(exporter.pid()) - cpu0;
            long rss = ProcStats.peakRssKib(exporter.pid());
            pool.shutdown();
            failures.stream().limit(3).forEach(f -> System.out.println("  blackbox: " + f));
            return new Figures("blackbox_exporter", "http_2xx: handshake (x509, name) + GET", count, wall, cpu,
                    "the exporter process", -1, rss, -1, "success " + success.get() + " failed " + failures.size());
        } finally {
            exporter.destroy();
            if (!exporter.waitFor(5, TimeUnit.SECONDS)) {
                exporter.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /** A started exporter and the port it listens on. */
    record Started(Process process, int port) {
    }

    /**
     * Starts the exporter with an {@code http_2xx} module that trusts the bench root, and waits until
     * it answers {@code /-/healthy}; the caller stops it.
     */
    static Started start(Path caFile, Path workDir) throws Exception {
        Path config = workDir.resolve("blackbox.yml");
        Files.writeString(config, String.join("\n",
                "modules:",
                "  http_2xx:",
                "    prober: http",
                "    timeout: 10s",
                "    http:",
                "      preferred_ip_protocol: ip4",
                "      tls_config:",
                "        ca_file: " + caFile.toAbsolutePath(),
                ""), StandardCharsets.UTF_8);
        int listen = freePort();
        Process exporter = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                "--web.listen-address=127.0.0.1:" + listen, "--log.level=error")
                .redirectErrorStream(true).redirectOutput(workDir.resolve("blackbox.log").toFile()).start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        awaitHealthy(client, "http://127.0.0.1:" + listen, exporter, workDir);
        return new Started(exporter, listen);
    }

    /** @return the probe path for one site, as blackbox_exporter is asked for it */
    static String probePath(int nginxPort, int site) {
        return "/probe?module=http_2xx&target=" + URLEncoder.encode("https://127.0.0.1:" + nginxPort + "/",
                StandardCharsets.UTF_8) + "&hostname=" + SweepSites.name(site);
    }

    private static String firstErrorLine(String body) {
        return body.lines().filter(l -> l.startsWith("probe_success") || l.startsWith("probe_http_status_code"))
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static void awaitHealthy(HttpClient client, String base, Process exporter, Path workDir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(base + "/-/healthy"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            if (!exporter.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("blackbox_exporter did not start; its log:\n"
                        + Files.readString(workDir.resolve("blackbox.log")));
            }
            Thread.sleep(20);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}))) {
            return socket.getLocalPort();
        }
    }

    static String version() {
        try {
            Process p = new ProcessBuilder(BINARY.toString(), "--version").redirectErrorStream(true).start();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        } catch (IOException e) {
            return "blackbox_exporter: " + e.getMessage();
        }
    }
}
