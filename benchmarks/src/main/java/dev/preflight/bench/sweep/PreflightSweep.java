package dev.preflight.bench.sweep;

import dev.preflight.Preflight;
import dev.preflight.ProbeCatalog;
import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Preflight half of the sweep, in a JVM of its own so that its CPU and peak RSS are Preflight's:
 * one {@link Preflight} run over every site with the HTTP probes, parallelism 16, each site's name
 * sent to 127.0.0.1 by a host override and the bench root trusted. Prints one {@link Figures} line
 * per run: the first run is what one {@code preflight check} costs (cold JVM), later ones show a
 * warmed-up JVM.
 *
 * <p>The parallelism counts probes, not sites: with three probes per site sharing one fetch, 16 means
 * about 5 sites in flight. {@code -Dsweep.parallelism=48} (through {@code SWEEP_JAVA_OPTS}) changes it.
 *
 * <p>Arguments: {@code PORT SITES CA_FILE [RUNS [NGINX_PID]]}; with nginx's pid, its CPU is measured too.
 */
public final class PreflightSweep {
    /** What the issue asks for; whichever of them exist on the class path run. */
    static final List<String> PROBES = List.of("tls.certificate", "http.hsts", "http.security-headers");

    private PreflightSweep() {
    }

    /** @param args port, site count, CA file, runs (default 1), nginx's master pid (optional) */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        Path caFile = Path.of(args[2]);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        ProcessHandle nginx = args.length > 4 ? ProcessHandle.of(Long.parseLong(args[4])).orElse(null) : null;
        long processStart = ManagementFactory.getRuntimeMXBean().getStartTime();

        ProbeCatalog catalog = ProbeCatalog.discover(PreflightSweep.class.getClassLoader());
        List<String> probes = PROBES.stream().filter(catalog.ids()::contains).toList();
        NetworkSettings.Builder network = NetworkSettings.builder().trust(List.of(certificate(caFile)));
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        List<Target> targets = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = SweepSites.name(i);
            // HostOverride matches exact host names, so one per site.
            network.hostOverride(new HostOverride(name, port, loopback));
            targets.add(Target.web("https://" + name + ":" + port + "/"));
        }
        Preflight preflight = Preflight.builder().catalog(catalog).probes(probes.toArray(String[]::new))
                .targets(targets).parallelism(Integer.getInteger("sweep.parallelism", 16))
                .overallTimeout(Duration.ofMinutes(30)).network(network.build()).build();

        for (int run = 1; run <= runs; run++) {
            long cpu0 = processCpuNanos();
            long server0 = nginx == null ? 0 : ProcStats.treeCpuNanos(nginx);
            long t0 = System.nanoTime();
            Report report = preflight.run();
            long wall = System.nanoTime() - t0;
            long cpu = processCpuNanos() - cpu0;
            int parallelism = Integer.getInteger("sweep.parallelism", 16);
            String tool = "preflight" + (parallelism != 16 ? " p" + parallelism : "")
                    + (run == 1 ? " (cold JVM)" : " (warm, run " + run + ")");
            Figures figures = new Figures(tool, String.join(" + ", probes), count, wall, cpu, "the Preflight JVM",
                    processCpuNanos(), ProcStats.peakRssKib(ProcessHandle.current().pid()),
                    nginx == null ? -1 : ProcStats.treeCpuNanos(nginx) - server0, counts(report));
            System.out.println(figures.toLine());
            System.out.println("preflight run " + run + ": " + perProbe(report) + "; JVM up "
                    + (System.currentTimeMillis() - processStart) + " ms");
            System.out.println("  CPU by thread so far (s): " + ProcStats.threadCpuNanosByGroup().entrySet().stream()
                    .filter(e -> e.getValue() >= 50_000_000L)
                    .map(e -> e.getKey() + " " + String.format(java.util.Locale.ROOT, "%.2f", e.getValue() / 1e9))
                    .collect(Collectors.joining(", ")));
            System.gc();
            System.out.printf(java.util.Locale.ROOT, "  live heap after a full GC, the report still held: %.1f MB%n",
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
            report.outcomes().stream().filter(o -> o.status() == Status.ERROR).limit(5).forEach(o ->
                    System.out.println("  ERROR " + o.probeId() + " " + o.target() + ": " + o.result().summary()));
        }
    }

    private static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String counts(Report report) {
        return List.of(Status.PASS, Status.WARN, Status.FAIL, Status.ERROR, Status.SKIP).stream()
                .map(s -> s.name() + " " + report.count(s)).collect(Collectors.joining(" "));
    }

    private static String perProbe(Report report) {
        Map<String, Map<Status, Integer>> byProbe = new TreeMap<>();
        for (ProbeOutcome o : report.outcomes()) {
            byProbe.computeIfAbsent(o.probeId(), k -> new EnumMap<>(Status.class)).merge(o.status(), 1, Integer::sum);
        }
        return byProbe.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
