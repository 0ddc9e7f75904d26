package dev.preflight.bench.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The start-up row: {@code bin/preflight check --env examples/production.env --probe 'env.*'} (an
 * offline check of one file, as the README shows it) against {@code java -version} (a bare JVM's
 * start and exit, the floor of any Java CLI) and {@code bin/preflight --version} (the same JVM
 * starting Preflight's jar and its archive but checking nothing), run in turn so that all see the
 * same load; the median of each is printed with the ratios. The goal is at most 3 ×
 * {@code java -version}; the ratio to {@code --version} is the part a check itself adds.
 */
final class OfflineStart {
    private static final Path EXAMPLE = Path.of("examples", "production.env");

    private OfflineStart() {
    }

    static void run(int rounds) throws Exception {
        Path dir = Files.createTempDirectory("preflight-start-");
        try {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> check = List.of(CliSweep.LAUNCHER.toString(), "check", "--env", EXAMPLE.toString(),
                    "--probe", "env.*", "-q");
            List<String> version = List.of(CliSweep.LAUNCHER.toString(), "--version");
            List<String> bare = List.of("java", "-version");
            List<CliSweep.Timed> checks = new ArrayList<>();
            List<CliSweep.Timed> versions = new ArrayList<>();
            List<CliSweep.Timed> bares = new ArrayList<>();
            // One of each first, not counted: the page cache and the launcher's archive settle.
            CliSweep.time(dir, check);
            CliSweep.time(dir, version);
            CliSweep.time(dir, bare);
            for (int i = 0; i < rounds; i++) {
                checks.add(CliSweep.time(dir, check));
                versions.add(CliSweep.time(dir, version));
                bares.add(CliSweep.time(dir, bare));
            }
            CliSweep.Timed c = median(checks);
            CliSweep.Timed v = median(versions);
            CliSweep.Timed b = median(bares);
            System.out.printf(Locale.ROOT, "%n== Start-up: an offline check of one env file, %d runs each, in turn ==%n",
                    rounds);
            System.out.printf(Locale.ROOT, "%-70s %7s %7s %8s %s%n", "command", "wall s", "CPU s", "peak MB", "exit");
            System.out.printf(Locale.ROOT, "%-70s %7.2f %7.2f %8d %d%n", String.join(" ", bare) + " (java on the PATH)",
                    b.wallSeconds(), b.cpuSeconds(), b.peakRssKib() / 1024, b.exitCode());
            System.out.printf(Locale.ROOT, "%-70s %7.2f %7.2f %8d %d%n", String.join(" ", version), v.wallSeconds(),
                    v.cpuSeconds(), v.peakRssKib() / 1024, v.exitCode());
            System.out.printf(Locale.ROOT, "%-70s %7.2f %7.2f %8d %d%n", String.join(" ", check), c.wallSeconds(),
                    c.cpuSeconds(), c.peakRssKib() / 1024, c.exitCode());
            System.out.printf(Locale.ROOT, "offline env check / java -version: %.1f × wall (goal ≤ 3), %.1f × CPU;"
                    + " / bin/preflight --version: %.1f × wall; all wall times: check %s, --version %s,"
                    + " java -version %s; this JVM: %s%n",
                    c.wallSeconds() / b.wallSeconds(), c.cpuSeconds() / b.cpuSeconds(),
                    c.wallSeconds() / v.wallSeconds(), walls(checks), walls(versions), walls(bares), java);
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static CliSweep.Timed median(List<CliSweep.Timed> runs) {
        List<CliSweep.Timed> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(CliSweep.Timed::wallSeconds));
        return sorted.get(sorted.size() / 2);
    }

    private static String walls(List<CliSweep.Timed> runs) {
        return runs.stream().map(t -> String.format(Locale.ROOT, "%.2f", t.wallSeconds())).reduce((x, y) -> x + " " + y)
                .orElse("-");
    }
}
