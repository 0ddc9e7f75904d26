package dev.preflight.bench.sweep;

import dev.preflight.testsupport.NginxServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code preflight serve} under a scrape load from a second process ({@code wrk} on loopback, 16
 * connections, bounded in time and to 5,000 scrapes a phase), against N local HTTPS sites on one private nginx, each scrape doing
 * three probes' work ({@code tls.certificate}, {@code http.hsts}, {@code http.security-headers}) with
 * no cache ({@code --min-interval 0s}), in phases so that the exporter's resident memory can be seen
 * to stay flat; then {@code blackbox_exporter} ({@code http_2xx}: handshake, chain and name, GET)
 * under the same load on the same sites. Prints per phase the scrapes, scrapes per second, p99
 * latency, CPU per scrape and RSS. Not a test: nothing here passes or fails.
 *
 * <p>Arguments: {@code [sites] [seconds per phase] [phases]}, default 200, 15, 4.
 * {@code SERVE_JAVA_OPTS} replaces the exporter JVM's options (default: bin/preflight's for serve).
 */
public final class ServeBenchmark {
    private static final String PROBES = "tls.certificate,http.hsts,http.security-headers";
    private static final int CONNECTIONS = 16;
    /** At most this many scrapes a phase: a bound in count beside wrk's bound in time. */
    private static final long PHASE_REQUESTS = 5_000;
    private static final long WARM_UP_REQUESTS = 1_000;

    private ServeBenchmark() {
    }

    /** @param args sites, seconds per phase, phases */
    public static void main(String[] args) throws Exception {
        int sites = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        int phases = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        if (!Wrk.isAvailable()) {
            System.out.println("wrk is not installed (apt-get install wrk); nothing to measure");
            return;
        }
        Path dir = Files.createTempDirectory("preflight-serve-bench-");
        Path caFile = dir.resolve("root.pem");
        System.out.printf(Locale.ROOT, "%d HTTPS sites on one nginx, %d wrk connections, %d s phases; %s; java %s%n",
                sites, CONNECTIONS, seconds, Wrk.version(), System.getProperty("java.version"));
        try (NginxServer nginx = SweepSites.start(sites, caFile)) {
            System.out.println("phase  scrapes  scrapes/s  p99 ms  CPU ms/scrape  RSS MB  failed");
            double preflightCpu = preflight(nginx.httpsPort(), sites, seconds, phases, caFile, dir);
            if (BlackboxSweep.isAvailable()) {
                double blackboxCpu = blackbox(nginx.httpsPort(), sites, seconds, caFile, dir);
                System.out.printf(Locale.ROOT, "CPU per scrape: preflight serve (3 probes) / blackbox_exporter"
                        + " (http_2xx) = %.2f; goal: at most 2%n", preflightCpu / blackboxCpu);
            }
        }
    }

    /** @return CPU milliseconds per scrape over all phases */
    private static double preflight(int port, int sites, int seconds, int phases, Path caFile, Path dir)
            throws Exception {
        Path config = dir.resolve("preflight.yml");
        StringBuilder yaml = new StringBuilder("network:\n  ca-file: ").append(caFile.toAbsolutePath())
                .append("\n  resolve:\n");
        for (int i = 1; i <= sites; i++) {
            yaml.append("    - \"").append(SweepSites.name(i)).append(':').append(port).append(":127.0.0.1\"\n");
        }
        yaml.append("targets:\n");
        List<String> paths = new ArrayList<>();
        for (int i = 1; i <= sites; i++) {
            String name = String.format(Locale.ROOT, "site-%04d", i);
            yaml.append("  ").append(name).append(": { url: \"https://").append(SweepSites.name(i)).append(':')
                    .append(port).append("/\" }\n");
            paths.add("/probe?target=" + name + "&probe=" + PROBES);
        }
        Files.writeString(config, yaml, StandardCharsets.UTF_8);
        int listen = BlackboxSweep.freePort();
        List<String> command = new ArrayList<>(List.of("java"));
        String options = System.getenv().getOrDefault("SERVE_JAVA_OPTS", "-XX:+UseSerialGC -Xmx256m");
        command.addAll(List.of(options.split("\\s+")));
        command.addAll(List.of("-jar", "cli/target/preflight.jar", "serve", "--config", config.toString(), "--listen",
                "127.0.0.1:" + listen, "--min-interval", "0s"));
        Process exporter = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("serve.log").toFile()).start();
        try {
            String base = "http://127.0.0.1:" + listen;
            awaitReady(base, exporter, dir);
            Wrk.run(base, paths, CONNECTIONS, 5, WARM_UP_REQUESTS, dir);
            long totalScrapes = 0;
            long totalCpu = 0;
            for (int phase = 1; phase <= phases; phase++) {
                long cpu0 = ProcStats.cpuNanos(exporter.pid());
                Wrk.Load load = Wrk.run(base, paths, CONNECTIONS, seconds, PHASE_REQUESTS, dir);
                long cpu = ProcStats.cpuNanos(exporter.pid()) - cpu0;
                totalScrapes += load.requests();
                totalCpu += cpu;
                print(String.valueOf(phase), load, cpu, ProcStats.rssKib(exporter.pid()));
            }
            System.out.printf(Locale.ROOT, "preflight serve: %d scrapes in all; peak RSS %d MB%n", totalScrapes,
                    ProcStats.peakRssKib(exporter.pid()) / 1024);
            return totalCpu / 1e6 / totalScrapes;
        } finally {
            stop(exporter);
        }
    }

    private static double blackbox(int port, int sites, int seconds, Path caFile, Path dir) throws Exception {
        BlackboxSweep.Started started = BlackboxSweep.start(caFile, dir);
        try {
            List<String> paths = new ArrayList<>();
            for (int i = 1; i <= sites; i++) {
                paths.add(BlackboxSweep.probePath(port, i));
            }
            String base = "http://127.0.0.1:" + started.port();
            Wrk.run(base, paths, CONNECTIONS, 5, WARM_UP_REQUESTS, dir);
            long cpu0 = ProcStats.cpuNanos(started.process().pid());
            Wrk.Load load = Wrk.run(base, paths, CONNECTIONS, seconds, PHASE_REQUESTS, dir);
            long cpu = ProcStats.cpuNanos(started.process().pid()) - cpu0;
            print("blackbox", load, cpu, ProcStats.rssKib(started.process().pid()));
            return cpu / 1e6 / load.requests();
        } finally {
            stop(started.process());
        }
    }

    private static void print(String phase, Wrk.Load load, long cpuNanos, long rssKib) {
        System.out.printf(Locale.ROOT, "%-8s %7d %10.1f %7.1f %14.2f %7d %7d%n", phase, load.requests(),
                load.perSecond(), load.p99Millis(), cpuNanos / 1e6 / load.requests(), rssKib / 1024, load.failed());
    }

    private static void awaitReady(String base, Process exporter, Path dir) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && exporter.isAlive()) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base + "/-/ready")).timeout(Duration.ofSeconds(2))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(50);
        }
        throw new IOException("preflight serve did not get ready; its log:\n" + Files.readString(dir.resolve("serve.log")));
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
