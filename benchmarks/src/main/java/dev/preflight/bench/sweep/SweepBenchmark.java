package dev.preflight.bench.sweep;

import dev.preflight.testsupport.NginxServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Sweeps N HTTPS sites served by one private nginx by SNI and prints, per N, a table of sites per
 * second, CPU and peak memory for Preflight ({@code tls.certificate} + {@code http.hsts} +
 * {@code http.security-headers}, whichever exist), the Nagios plugin {@code check_http}, Prometheus'
 * {@code blackbox_exporter} and a bare JDK client, all at concurrency 16 on the same sites. Not a
 * test: nothing passes or fails. Run by {@code bench/sweep}, which documents the arguments.
 *
 * <p>The JVM clients (Preflight, bare JDK) each run in a fresh JVM per N, so that their CPU and
 * peak RSS are theirs alone; {@code SWEEP_JAVA_OPTS} adds JVM options to those JVMs (e.g. {@code
 * -Xmx128m}, or {@code -XX:StartFlightRecording=filename=sweep.jfr} to profile).
 */
public final class SweepBenchmark {
    private static final Set<String> TOOLS = Set.of("jdk", "jdkproc", "check_http", "blackbox", "preflight", "cli",
            "start");

    private SweepBenchmark() {
    }

    /** @param args {@code [--only TOOL,...] [--runs R] [--repeat K] [N...]}; N defaults to 200 and 1000 */
    public static void main(String[] args) throws Exception {
        Set<String> only = new LinkedHashSet<>(TOOLS);
        int runs = 1;
        int repeat = 1;
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--only" -> {
                    only = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
                    if (!TOOLS.containsAll(only)) {
                        throw new IllegalArgumentException("--only takes some of " + TOOLS);
                    }
                }
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                default -> counts.add(Integer.parseInt(args[i]));
            }
        }
        if (counts.isEmpty()) {
            counts = List.of(200, 1000);
        }
        System.out.println("machine: " + Runtime.getRuntime().availableProcessors() + " CPUs; java "
                + System.getProperty("java.version") + "; " + CheckHttpSweep.version() + "; " + BlackboxSweep.version());
        if (only.contains("start") && CliSweep.isAvailable()) {
            OfflineStart.run(7);
        }
        for (int count : counts) {
            sweep(count, only, runs, repeat);
        }
    }

    private static void sweep(int count, Set<String> only, int runs, int repeat) throws Exception {
        Path dir = Files.createTempDirectory("preflight-sweep-");
        try {
            Path caFile = dir.resolve("bench-root.pem");
            System.out.printf(Locale.ROOT, "%n== %d HTTPS sites by SNI on one private nginx ==%n", count);
            String loadBefore = loadAverage();
            long t0 = System.nanoTime();
            try (NginxServer nginx = SweepSites.start(count, caFile)) {
                System.out.printf(Locale.ROOT, "minted %d certificates and started nginx (%d workers) in %.1f s, port %d%n",
                        count, Runtime.getRuntime().availableProcessors(), (System.nanoTime() - t0) / 1e9,
                        nginx.httpsPort());
                int port = nginx.httpsPort();
                String[] childArgs = {String.valueOf(port), String.valueOf(count), caFile.toString(), String.valueOf(runs),
                        String.valueOf(nginx.process().pid())};
                boolean checkHttp = only.contains("check_http") && CheckHttpSweep.isAvailable();
                boolean cli = only.contains("cli") && CliSweep.isAvailable();
                List<Figures> rows = new ArrayList<>();
                if (only.contains("jdk")) {
                    rows.addAll(childJvm(JdkSweep.class, childArgs));
                }
                if (checkHttp) {
                    rows.add(measured(nginx, () -> CheckHttpSweep.run("check_http -C", "certificate expiry only",
                            port, count, "-C", "30,7")));
                }
                int referenceRow = rows.size();
                if (only.contains("blackbox") && BlackboxSweep.isAvailable()) {
                    rows.add(measured(nginx, () -> BlackboxSweep.run(port, count, caFile, dir)));
                }
                if (only.contains("preflight")) {
                    rows.addAll(childJvm(PreflightSweep.class, childArgs));
                }
                boolean floor = only.contains("jdkproc") && CliSweep.isAvailable();
                // The goal's rows and the JDK floor, in turn: each round sees the same moment of a
                // machine whose speed drifts.
                List<Figures> references = new ArrayList<>();
                List<Figures> floors = new ArrayList<>();
                List<Figures> cliRuns = new ArrayList<>();
                for (int i = 0; i < repeat; i++) {
                    if (checkHttp) {
                        references.add(measured(nginx, () -> CheckHttpSweep.run(CheckHttpSweep.REFERENCE,
                                "cert expiry + GET + HSTS header present", port, count, "-C", "30,7",
                                "--continue-after-certificate", "-d", "Strict-Transport-Security")));
                    }
                    if (floor) {
                        floors.add(measured(nginx, () -> JdkSweep.asProcess(port, count, caFile, dir)));
                    }
                    if (cli) {
                        cliRuns.add(measured(nginx, () -> CliSweep.run(port, count, caFile, dir)));
                    }
                }
                if (!references.isEmpty()) {
                    rows.add(referenceRow, medianOf(references));
                }
                if (!floors.isEmpty()) {
                    rows.add(medianOf(floors));
                }
                if (!cliRuns.isEmpty()) {
                    rows.add(medianOf(cliRuns));
                }
                print(count, rows);
                if (repeat > 1) {
                    printRepeats(references, floors, cliRuns);
                }
                System.out.println("load average before / after: " + loadBefore + " / " + loadAverage()
                        + " (other work on the machine slows the wall-clock figures; CPU per site suffers less)");
                String log = nginx.errorLog().strip();
                if (!log.isEmpty()) {
                    System.out.println("nginx error log (last lines):");
                    log.lines().skip(Math.max(0, log.lines().count() - 5)).forEach(l -> System.out.println("  " + l));
                }
            }
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** @return the run of median wall time (of an even number, the slower of the middle two) */
    private static Figures medianOf(List<Figures> runs) {
        List<Figures> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingLong(Figures::wallNanos));
        return sorted.get(sorted.size() / 2);
    }

    private static void printRepeats(List<Figures> references, List<Figures> floors, List<Figures> cliRuns) {
        System.out.printf(Locale.ROOT, "%s%s and bin/preflight check ran %d times in turn; the table shows each"
                + " one's run of median wall time.%n", CheckHttpSweep.REFERENCE,
                floors.isEmpty() ? "" : ", the bare JDK floor", Math.max(references.size(), cliRuns.size()));
        System.out.println("  " + CheckHttpSweep.REFERENCE + " sites/s: " + rates(references));
        if (!floors.isEmpty()) {
            System.out.println("  bare JDK floor sites/s: " + rates(floors));
        }
        System.out.println("  bin/preflight check sites/s: " + rates(cliRuns));
        printRatios("bin/preflight check × check_http", cliRuns, references);
        printRatios("bare JDK floor × check_http", floors, references);
        // What Preflight achieves of what the JDK's own TLS client can: the goals against check_http
        // are out of reach wherever the floor itself falls short of them (bench/README.md).
        printRatios("bin/preflight check × the bare JDK floor", cliRuns, floors);
    }

    private static void printRatios(String label, List<Figures> runs, List<Figures> references) {
        if (runs.isEmpty() || runs.size() != references.size()) {
            return;
        }
        StringBuilder ratios = new StringBuilder();
        for (int i = 0; i < references.size(); i++) {
            ratios.append(String.format(Locale.ROOT, "%s%.2f", i == 0 ? "" : " ",
                    runs.get(i).sitesPerSecond() / references.get(i).sitesPerSecond()));
        }
        System.out.printf(Locale.ROOT, "  %s, pair by pair: %s; of the medians: %.2f%n", label, ratios,
                medianOf(runs).sitesPerSecond() / medianOf(references).sitesPerSecond());
    }

    private static String rates(List<Figures> runs) {
        return runs.stream().map(f -> String.format(Locale.ROOT, "%.1f", f.sitesPerSecond()))
                .reduce((a, b) -> a + " " + b).orElse("-");
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private interface Phase {
        Figures run() throws Exception;
    }

    private static Figures measured(NginxServer nginx, Phase phase) throws Exception {
        long server0 = ProcStats.treeCpuNanos(nginx.process());
        Figures figures = phase.run();
        return figures.withServerCpu(ProcStats.treeCpuNanos(nginx.process()) - server0);
    }

    /** Runs a client in a fresh JVM with this class path and returns the figures it printed. */
    private static List<Figures> childJvm(Class<?> main, String[] args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        String options = System.getenv("SWEEP_JAVA_OPTS");
        if (options != null && !options.isBlank()) {
            command.addAll(Arrays.asList(options.strip().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Figures> figures = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(Figures.PREFIX)) {
                    figures.add(Figures.parse(line));
                } else {
                    System.out.println("  " + line);
                }
            }
        }
        int status = child.waitFor();
        if (status != 0) {
            throw new IOException(main.getSimpleName() + " exited with status " + status);
        }
        return figures;
    }

    private static void print(int count, List<Figures> rows) {
        System.out.printf(Locale.ROOT, "%nN = %d, concurrency 16%n", count);
        double reference = rows.stream().filter(r -> r.tool().equals(CheckHttpSweep.REFERENCE)).findFirst()
                .map(Figures::sitesPerSecond).orElse(Double.NaN);
        System.out.println(Figures.header());
        System.out.println(Figures.subHeader());
        rows.forEach(r -> System.out.println(r.row(reference)));
        System.out.println("client CPU is that of: " + rows.stream().map(r -> r.tool() + " = " + r.cpuOf())
                .distinct().reduce((a, b) -> a + "; " + b).orElse("-"));
        System.out.println("process CPU includes JVM start-up; peak RSS is VmHWM of the client process"
                + " (blackbox: the exporter).");
        System.out.println("× check_http: sites/s over " + CheckHttpSweep.REFERENCE + "'s (expiry + HSTS, one process"
                + " per site, JVM-free). Issue 16's goals, bin/preflight check row: ≥ 1.5 × at N = 200, ≥ 3 × at"
                + " N = 1000, peak RSS < 128 MB at N = 1000.");
    }
}
