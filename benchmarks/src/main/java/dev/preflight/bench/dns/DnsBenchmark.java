package dev.preflight.bench.dns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * N mail domains × ({@code dns.spf} + {@code dns.dmarc} + {@code dns.dkim}) against a private knotd
 * on loopback: prints wall time (JVM start included), CPU, peak RSS and the queries the server
 * received for {@code dig -f} (one dig process reading every question from a file) and for the
 * Preflight CLI, in the same run on the same server. Not a test: nothing passes or fails. Run by
 * {@code bench/dns}, which documents the arguments; what the columns mean is in bench/README.md.
 */
public final class DnsBenchmark {
    private static final Set<String> TOOLS = Set.of("dig", "dig-each", "preflight", "java");
    private static final Pattern SUMMARY = Pattern.compile("\"summary\"\\s*:\\s*\\{([^}]*)}");
    private static final Pattern COUNT = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\\d+)");

    private DnsBenchmark() {
    }

    /** @param args {@code [--only TOOL,...] [--repeat R] [N]}; N defaults to 1000, R to 3 */
    public static void main(String[] args) throws Exception {
        Set<String> only = new LinkedHashSet<>(List.of("dig", "preflight", "java"));
        int repeat = 3;
        int count = 1000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--only" -> {
                    only = new LinkedHashSet<>(Arrays.asList(args[++i].split(",")));
                    if (!TOOLS.containsAll(only)) {
                        throw new IllegalArgumentException("--only takes some of " + TOOLS);
                    }
                }
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                default -> count = Integer.parseInt(args[i]);
            }
        }
        if (!TimedCommand.isAvailable()) {
            throw new IllegalStateException("needs GNU time at " + TimedCommand.TIME + ": apt-get install time");
        }
        if (!CountingKnot.isAvailable()) {
            throw new IllegalStateException("needs knotd and knotc: apt-get install knot");
        }
        Path dir = Files.createTempDirectory("preflight-bench-dns-");
        try {
            run(count, only, repeat, dir);
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(int count, Set<String> only, int repeat, Path dir) throws Exception {
        BenchDomains domains = new BenchDomains(count);
        long needed = domains.neededTxtNames().size();
        long t0 = System.nanoTime();
        String zone = domains.zoneFile();
        Path batch = dir.resolve("queries.txt");
        Files.writeString(batch, domains.digBatch(), StandardCharsets.UTF_8);
        Path config = dir.resolve("preflight.yml");
        Files.writeString(config, domains.config(), StandardCharsets.UTF_8);
        System.out.printf(Locale.ROOT, "machine: %d CPUs; java %s; load average %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
        try (CountingKnot knot = CountingKnot.start(BenchDomains.ZONE, zone)) {
            System.out.printf(Locale.ROOT, "%n== %d domains × (SPF + DMARC + DKIM) on a private knotd, 127.0.0.1:%d ==%n",
                    count, knot.port());
            System.out.printf(Locale.ROOT, "zone written and served in %.1f s; %d TXT questions needed: 3 per domain"
                    + " (the domain, _dmarc, %s._domainkey) and the shared include %s once%n",
                    (System.nanoTime() - t0) / 1e9, needed, BenchDomains.SELECTOR, BenchDomains.SHARED_INCLUDE);
            String server = "127.0.0.1:" + knot.port();
            List<DnsRow> rows = new ArrayList<>();
            if (only.contains("dig")) {
                rows.add(measure("dig -f (one process, sequential)", repeat, knot, dir,
                        List.of("dig", "@127.0.0.1", "-p", String.valueOf(knot.port()), "+noall", "+answer", "-f",
                                batch.toString()),
                        DnsBenchmark::digResults));
            }
            if (only.contains("dig-each")) {
                String each = "xargs -P 16 -L 1 dig @127.0.0.1 -p " + knot.port() + " +noall +answer < " + batch;
                rows.add(measure("dig per lookup, 16 at a time", 1, knot, dir, List.of("sh", "-c", each),
                        DnsBenchmark::digResults));
            }
            Path report = dir.resolve("report.json");
            List<String> check = List.of("check", "--config", config.toString(), "--probe", "dns.spf,dns.dmarc,dns.dkim",
                    "--dns-server", server, "--output", report.toString(), "-q");
            if (only.contains("preflight")) {
                List<String> command = new ArrayList<>(List.of(Path.of("bin/preflight").toAbsolutePath().toString()));
                command.addAll(check);
                String options = System.getenv("PREFLIGHT_JAVA_OPTS");
                rows.add(measure(options == null ? "preflight (bin/preflight)" : "preflight (PREFLIGHT_JAVA_OPTS)",
                        repeat, knot, dir, command, out -> preflightResults(report)));
            }
            if (only.contains("java")) {
                List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar",
                        Path.of("cli/target/preflight.jar").toAbsolutePath().toString()));
                command.addAll(check);
                rows.add(measure("preflight (java -jar, JVM defaults)", repeat, knot, dir, command,
                        out -> preflightResults(report)));
            }
            print(count, needed, rows);
        }
        System.out.println("load average after: " + loadAverage()
                + " (other work on the machine slows the wall times; every row's repetitions are listed)");
    }

    private interface Results {
        String of(String output) throws IOException;
    }

    /** Runs a command {@code repeat} times; keeps the run of median wall time. */
    private static DnsRow measure(String tool, int repeat, CountingKnot knot, Path dir, List<String> command,
            Results results) throws Exception {
        List<DnsRow> runs = new ArrayList<>();
        for (int r = 0; r < repeat; r++) {
            Map<String, Long> before = knot.counters();
            TimedCommand run = TimedCommand.run(dir, command);
            Map<String, Long> after = knot.counters();
            if (run.exitCode() > 1) {
                throw new IOException(tool + " exited with " + run.exitCode() + ":\n" + run.output());
            }
            Map<String, Long> during = new HashMap<>();
            after.forEach((k, v) -> during.put(k, v - before.getOrDefault(k, 0L)));
            runs.add(new DnsRow(tool, run, new TreeMap<>(during), results.of(run.output()), List.of()));
        }
        List<Long> walls = runs.stream().map(r -> r.run().wallNanos()).toList();
        DnsRow median = runs.stream().sorted(Comparator.comparingLong(r -> r.run().wallNanos())).toList()
                .get((runs.size() - 1) / 2);
        return new DnsRow(tool, median.run(), median.counters(), median.results(), walls);
    }

    private static String digResults(String output) {
        // +answer lines: owner, TTL, class, type, data; dig pads with tabs or spaces.
        long records = output.lines().map(l -> l.split("\\s+")).filter(f -> f.length > 4 && f[3].equals("TXT")).count();
        long names = output.lines().filter(l -> !l.isBlank() && !l.startsWith(";")).map(l -> l.split("\\s+")[0])
                .distinct().count();
        return names + " names answered, " + records + " TXT records";
    }

    private static String preflightResults(Path report) throws IOException {
        Matcher summary = SUMMARY.matcher(Files.readString(report, StandardCharsets.UTF_8));
        if (!summary.find()) {
            return "no summary in the JSON report";
        }
        StringBuilder out = new StringBuilder();
        Matcher count = COUNT.matcher(summary.group(1));
        while (count.find()) {
            if (!count.group(2).equals("0")) {
                out.append(out.length() == 0 ? "" : " ").append(count.group(1).toUpperCase(Locale.ROOT)).append(' ')
                        .append(count.group(2));
            }
        }
        return out.toString();
    }

    private static void print(int count, long needed, List<DnsRow> rows) {
        long digWall = rows.stream().filter(r -> r.tool().startsWith("dig -f")).mapToLong(r -> r.run().wallNanos())
                .findFirst().orElse(0);
        System.out.printf(Locale.ROOT, "%nN = %d domains, %d questions needed; median of each row's runs%n", count, needed);
        System.out.println(DnsRow.header());
        rows.forEach(r -> System.out.println(r.row(digWall, needed)));
        System.out.println();
        rows.forEach(r -> System.out.println("wall times of " + r.tool() + ": " + r.wallList() + " s"));
        System.out.println("wall time: start to exit of the process, JVM start-up included; CPU and peak RSS: the"
                + " process's own (GNU time); queries: counted by knotd (mod-stats), (+n) = more than needed.");
        System.out.println("goal (issue): preflight within 3 × dig -f, and no more queries than needed.");
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
