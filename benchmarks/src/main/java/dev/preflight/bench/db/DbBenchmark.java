package dev.preflight.bench.db;

import dev.preflight.Preflight;
import dev.preflight.ProbeCatalog;
import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.PostgresTestServer;
import dev.preflight.testsupport.RedisTestServer;
import dev.preflight.testsupport.TestCertificates;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every read-only {@code postgres.*} and {@code redis.*} probe, RUNS times (default 100) in one JVM,
 * against a private PostgreSQL (TLS with a minted certificate, SCRAM, WAL archiving,
 * {@code log_connections}) and a private Redis (TLS port, {@code requirepass}). Prints the median and
 * p90 wall time of a run per target and the connections each server counted per run: the goal is
 * one login per target per run, shared by all of its probes. {@code postgres.restore-drill} is left
 * out: it writes (it restores a dump into a scratch server). Not a test: nothing passes or fails.
 * Run by {@code bench/db}; what the figures mean is in bench/README.md.
 */
public final class DbBenchmark {
    private static final String APP_PASSWORD = "bench-app-pw";
    private static final String REDIS_PASSWORD = "bench-redis-pw";
    /** Writes: a restore into a scratch server. */
    private static final List<String> WRITING = List.of("postgres.restore-drill");

    private DbBenchmark() {
    }

    /** @param args {@code [RUNS]}, default 100 */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        if (runs < 1) {
            throw new IllegalArgumentException("RUNS must be at least 1");
        }
        System.out.println("load average before: " + loadAverage());
        HeldCertificate root = TestCertificates.builder("Preflight Bench Root").certificateAuthority(0).ecP256().build();
        HeldCertificate leaf = TestCertificates.builder("localhost").dnsNames("localhost").ipAddresses("127.0.0.1")
                .ecP256().signedBy(root).build();
        NetworkSettings network = NetworkSettings.builder().trust(List.of(root.certificate())).build();
        ProbeCatalog catalog = ProbeCatalog.discover(DbBenchmark.class.getClassLoader());

        try (PostgresTestServer postgres = PostgresTestServer.builder()
                .hba("hostssl all all 127.0.0.1/32 scram-sha-256")
                .ssl(leaf).archiveToDirectory().setting("log_connections", "on")
                .database("app")
                .initSql("app", "CREATE ROLE app LOGIN PASSWORD '" + APP_PASSWORD + "'; GRANT pg_monitor TO app;")
                .start();
             RedisTestServer redis = RedisTestServer.builder().requirePass(REDIS_PASSWORD).tls(leaf).start()) {
            Target pgTarget = Target.forUrl("postgresql://app:" + APP_PASSWORD + "@127.0.0.1:" + postgres.port()
                    + "/app?sslmode=verify-full");
            Target redisTarget = Target.forUrl("rediss://:" + REDIS_PASSWORD + "@127.0.0.1:" + redis.tlsPort());
            Bench pg = new Bench("postgresql", preflight(catalog, network, pgTarget, "postgres."));
            Bench rd = new Bench("redis", preflight(catalog, network, redisTarget, "redis."));
            RedisConnections redisCount = new RedisConnections(redis.port(), REDIS_PASSWORD);

            for (int run = 1; run <= runs; run++) {
                PostgresLogins before = PostgresLogins.in(postgres.log());
                pg.run();
                PostgresLogins opened = PostgresLogins.in(postgres.log()).minus(before);
                pg.counted("logins", opened.authorized());
                pg.counted("TCP connections that never logged in", opened.withoutLogin());
                long redisBefore = redisCount.received();
                rd.run();
                rd.counted("connections accepted, logged in or not",
                        RedisConnections.between(redisBefore, redisCount.received()));
            }
            System.out.println("runs: " + runs + " (one Preflight run per target each time, in one JVM)");
            System.out.println("left out: " + WRITING + " (writes)");
            pg.print();
            rd.print();
            PostgresLogins total = PostgresLogins.in(postgres.log());
            System.out.printf(Locale.ROOT, "postgresql server log in total, set-up included: %d TCP connections "
                    + "received, %d logins%n", total.received(), total.authorized());
        }
        System.out.printf(Locale.ROOT, "peak RSS of this JVM: %d MB; CPU %.1f s%n", peakRssKib() / 1024,
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime() / 1e9);
        System.out.println("load average after: " + loadAverage());
    }

    private static Preflight preflight(ProbeCatalog catalog, NetworkSettings network, Target target, String prefix) {
        String[] probes = catalog.ids().stream().filter(id -> id.startsWith(prefix) && !WRITING.contains(id))
                .sorted().toArray(String[]::new);
        return Preflight.builder().catalog(catalog).probes(probes).target(target).network(network)
                .timeout(Duration.ofSeconds(10)).build();
    }

    /** One target's runs: wall times, connections counted by its server, the verdicts of the last run. */
    private static final class Bench {
        private final String name;
        private final Preflight preflight;
        private final List<Long> wallNanos = new ArrayList<>();
        /** What the server counted, each figure's value → the runs that had it. */
        private final Map<String, Map<Long, Integer>> counts = new LinkedHashMap<>();
        private Report last;

        Bench(String name, Preflight preflight) {
            this.name = name;
            this.preflight = preflight;
        }

        void run() {
            long t0 = System.nanoTime();
            last = preflight.run();
            wallNanos.add(System.nanoTime() - t0);
        }

        /** What the server counted during the last run. */
        void counted(String what, long value) {
            counts.computeIfAbsent(what, k -> new TreeMap<>()).merge(value, 1, Integer::sum);
        }

        void print() {
            long[] sorted = wallNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%s: %d probes; wall per run median %.1f ms, p90 %.1f ms, min %.1f ms, "
                            + "first (cold) %.1f ms%n", name, last.outcomes().size(), sorted[sorted.length / 2] / 1e6,
                    sorted[(int) Math.ceil(sorted.length * 0.9) - 1] / 1e6, sorted[0] / 1e6, wallNanos.get(0) / 1e6);
            counts.forEach((what, values) -> System.out.println("  " + what + " per run {value=runs}: " + values));
            System.out.println("  last run: " + last.outcomes().stream().map(DbBenchmark::verdict)
                    .collect(Collectors.joining(", ")));
            last.outcomes().stream().filter(o -> o.status() == Status.ERROR).forEach(o ->
                    System.out.println("  ERROR " + o.probeId() + ": " + o.result().summary()));
        }
    }

    private static String verdict(ProbeOutcome o) {
        return o.probeId() + " " + o.status();
    }

    private static long peakRssKib() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
    }

    private static String loadAverage() throws IOException {
        return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
    }
}
