package dev.preflight.bench.dns;

import dev.preflight.testsupport.FreePorts;
import dev.preflight.testsupport.PrivateProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A private knotd serving one zone on a free port of 127.0.0.1 that counts the queries it receives
 * (Knot's {@code mod-stats}: by transport, query type and response code), read with {@code knotc
 * stats}. Started like test-support's {@code DnsTestServer}, through {@link PrivateProcess}, and
 * stopped by process id; it is a copy of that server's setup with the module added, because the
 * counting is the benchmark's need, not the tests'.
 */
final class CountingKnot implements AutoCloseable {
    private static final Path KNOTD = Path.of("/usr/sbin/knotd");
    private static final Path KNOTC = Path.of("/usr/sbin/knotc");

    private final PrivateProcess knotd;
    private final int port;

    private CountingKnot(PrivateProcess knotd, int port) {
        this.knotd = knotd;
        this.port = port;
    }

    static boolean isAvailable() {
        return Files.isExecutable(KNOTD) && Files.isExecutable(KNOTC);
    }

    /**
     * @param zone the zone's name
     * @param zoneFile its text
     * @return the server, answering the zone's SOA
     */
    static CountingKnot start(String zone, String zoneFile) throws IOException {
        return FreePorts.retryIfTaken(() -> startOnce(zone, zoneFile));
    }

    private static CountingKnot startOnce(String zone, String zoneFile) throws IOException {
        int port = FreePorts.tcpAndUdp();
        PrivateProcess knotd = PrivateProcess.builder("knotd").directoryPrefix("preflight-bench-knot-").start(dir -> {
            Files.createDirectories(dir.resolve("storage"));
            Files.createDirectories(dir.resolve("run"));
            Path file = dir.resolve("bench.zone");
            Files.writeString(file, zoneFile, StandardCharsets.UTF_8);
            Path conf = dir.resolve("knot.conf");
            Files.writeString(conf, config(dir, port, zone, file), StandardCharsets.UTF_8);
            return List.of(KNOTD.toString(), "-c", conf.toAbsolutePath().toString());
        });
        CountingKnot server = new CountingKnot(knotd, port);
        try {
            knotd.awaitReady(Duration.ofSeconds(60), "zone " + zone + " to answer its SOA query", () -> {
                if (knotd.log().contains("failed to load")) {
                    throw new IOException("knotd rejected the zone");
                }
                return answersSoa(port, zone);
            });
        } catch (IOException e) {
            server.close();
            throw e;
        }
        return server;
    }

    int port() {
        return port;
    }

    ProcessHandle process() {
        return knotd.handle();
    }

    /** @return the counters so far, e.g. {@code request-protocol[udp4] -> 3001}, without the module prefix */
    Map<String, Long> counters() throws IOException, InterruptedException {
        Process knotc = new ProcessBuilder(KNOTC.toString(), "-c", knotd.directory().resolve("knot.conf").toString(),
                "stats").redirectErrorStream(true).start();
        String out = new String(knotc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (knotc.waitFor() != 0) {
            throw new IOException("knotc stats failed: " + out.strip());
        }
        Map<String, Long> counters = new TreeMap<>();
        for (String line : out.split("\n")) {
            int eq = line.indexOf(" = ");
            if (line.startsWith("mod-stats.") && eq > 0) {
                counters.put(line.substring("mod-stats.".length(), eq), Long.parseLong(line.substring(eq + 3).strip()));
            }
        }
        return counters;
    }

    @Override
    public void close() {
        knotd.close();
    }

    private static boolean answersSoa(int port, String zone) throws IOException {
        try {
            Process dig = new ProcessBuilder("dig", "@127.0.0.1", "-p", String.valueOf(port), "+short", "+time=1",
                    "+tries=1", "SOA", zone).redirectErrorStream(true).start();
            String out = new String(dig.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return dig.waitFor() == 0 && out.contains("hostmaster");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String config(Path dir, int port, String zone, Path file) {
        int workers = Runtime.getRuntime().availableProcessors();
        return "server:\n"
                + "  rundir: \"" + dir.resolve("run") + "\"\n"
                + "  listen: 127.0.0.1@" + port + "\n"
                + "  udp-workers: " + workers + "\n"
                + "  tcp-workers: " + workers + "\n"
                + "  background-workers: 1\n"
                + "database:\n"
                + "  storage: \"" + dir.resolve("storage") + "\"\n"
                + "log:\n"
                + "  - target: stderr\n"
                + "    any: info\n"
                + "mod-stats:\n"
                + "  - id: count\n"
                + "    request-protocol: on\n"
                + "    query-type: on\n"
                + "    response-code: on\n"
                + "    request-bytes: off\n"
                + "    response-bytes: off\n"
                + "template:\n"
                + "  - id: default\n"
                + "    global-module: mod-stats/count\n"
                + "    journal-content: none\n"
                + "    zonefile-sync: -1\n"
                + "    zonefile-load: whole\n"
                + "zone:\n"
                + "  - domain: \"" + zone + ".\"\n"
                + "    file: \"" + file.toAbsolutePath() + "\"\n";
    }
}
