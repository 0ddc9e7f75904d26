package dev.preflight.bench.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The Nagios plugin {@code check_http} (Debian's monitoring-plugins) once per site, 16 at a time.
 * Its CPU is that of every plugin process, read from this JVM's reaped-children times
 * ({@code cutime + cstime}), so nothing else may exit as this JVM's child while it runs.
 */
final class CheckHttpSweep {
    static final Path BINARY = Path.of("/usr/lib/nagios/plugins/check_http");
    /** The row the others' rates are compared with: what the users run (expiry + HSTS). */
    static final String REFERENCE = "check_http -C -d";
    private static final String[] STATES = {"OK", "WARNING", "CRITICAL", "UNKNOWN"};

    private CheckHttpSweep() {
    }

    static boolean isAvailable() {
        return Files.isExecutable(BINARY);
    }

    /**
     * @param tool the row's name
     * @param checks what the options check, for the table
     * @param port nginx's HTTPS port
     * @param count how many sites
     * @param options options after {@code -H NAME -I 127.0.0.1 -p PORT --sni -S}
     */
    static Figures run(String tool, String checks, int port, int count, String... options) throws Exception {
        AtomicIntegerArray states = new AtomicIntegerArray(STATES.length + 1);
        List<String> examples = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long self = ProcessHandle.current().pid();
        long cpu0 = ProcStats.reapedChildrenCpuNanos(self);
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String host = SweepSites.name(i);
            done.add(pool.submit(() -> {
                List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-H", host, "-I", "127.0.0.1",
                        "-p", String.valueOf(port), "--sni", "-S"));
                command.addAll(List.of(options));
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                int code = p.waitFor();
                states.incrementAndGet(code >= 0 && code < STATES.length ? code : STATES.length);
                if (code != 0) {
                    synchronized (examples) {
                        if (examples.size() < 3) {
                            examples.add(host + ": " + output.replace("\n", " / "));
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        long wall = System.nanoTime() - t0;
        long cpu = ProcStats.reapedChildrenCpuNanos(self) - cpu0;
        pool.shutdown();
        StringBuilder results = new StringBuilder();
        for (int s = 0; s <= STATES.length; s++) {
            if (states.get(s) > 0 || s < 3) {
                results.append(results.length() == 0 ? "" : " ").append(s < STATES.length ? STATES[s] : "OTHER")
                        .append(' ').append(states.get(s));
            }
        }
        examples.forEach(e -> System.out.println("  check_http: " + e));
        return new Figures(tool, checks, count, wall, cpu,
                "all check_http processes", -1, 0, -1, results.toString());
    }

    static String version() {
        try {
            Process p = new ProcessBuilder(BINARY.toString(), "-V").redirectErrorStream(true).start();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "check_http: " + e.getMessage();
        }
    }
}
