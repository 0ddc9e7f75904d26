package dev.preflight.bench.sweep;

import java.util.Locale;

/**
 * One row of the sweep's table. Child JVMs print theirs as one tab-separated line starting with
 * {@link #PREFIX}, which the sweep reads back.
 *
 * @param tool what ran, e.g. {@code preflight (cold)}
 * @param checks what it checked per site
 * @param sites how many sites
 * @param wallNanos wall time of the sweep itself
 * @param cpuNanos CPU time of the client during the sweep (user + system)
 * @param cpuOf whose CPU {@code cpuNanos} is
 * @param processCpuNanos CPU of the client's whole process including start-up, or -1 if not measured
 * @param peakRssKib the client's peak resident set, or 0 if not measured
 * @param serverCpuNanos nginx's CPU (master and workers) during the sweep, or -1 if not measured
 * @param results outcome counts, e.g. {@code PASS 750 FAIL 250}
 */
record Figures(String tool, String checks, int sites, long wallNanos, long cpuNanos, String cpuOf,
        long processCpuNanos, long peakRssKib, long serverCpuNanos, String results) {
    static final String PREFIX = "SWEEP-FIGURES";

    double sitesPerSecond() {
        return sites / (wallNanos / 1e9);
    }

    /** @return a copy with nginx's CPU filled in */
    Figures withServerCpu(long nanos) {
        return new Figures(tool, checks, sites, wallNanos, cpuNanos, cpuOf, processCpuNanos, peakRssKib, nanos, results);
    }

    String toLine() {
        return String.join("\t", PREFIX, tool, checks, String.valueOf(sites), String.valueOf(wallNanos),
                String.valueOf(cpuNanos), cpuOf, String.valueOf(processCpuNanos), String.valueOf(peakRssKib),
                String.valueOf(serverCpuNanos), results);
    }

    static Figures parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 11 || !f[0].equals(PREFIX)) {
            throw new IllegalArgumentException("not a figures line: " + line);
        }
        return new Figures(f[1], f[2], Integer.parseInt(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), f[6],
                Long.parseLong(f[7]), Long.parseLong(f[8]), Long.parseLong(f[9]), f[10]);
    }

    static String header() {
        return String.format(Locale.ROOT, "%-26s %-51s %6s %7s %8s %6s %9s %8s %9s %8s %9s  %s",
                "tool", "checks per site", "sites", "wall s", "sites/s", "×", "client", "CPU ms", "process",
                "peak", "nginx", "results");
    }

    static String subHeader() {
        return String.format(Locale.ROOT, "%-26s %-51s %6s %7s %8s %6s %9s %8s %9s %8s %9s  %s",
                "", "", "", "", "", "chk_h", "CPU s", "per site", "CPU s", "RSS MB", "CPU s", "");
    }

    /** @param reference check_http's sites per second, or NaN when it did not run */
    String row(double reference) {
        return String.format(Locale.ROOT, "%-26s %-51s %6d %7.2f %8.1f %6s %9.2f %8.2f %9s %8s %9s  %s",
                tool, checks, sites, wallNanos / 1e9, sitesPerSecond(),
                Double.isNaN(reference) ? "-" : String.format(Locale.ROOT, "%.2f", sitesPerSecond() / reference),
                cpuNanos / 1e9, cpuNanos / 1e6 / sites,
                processCpuNanos < 0 ? "-" : String.format(Locale.ROOT, "%.2f", processCpuNanos / 1e9),
                peakRssKib <= 0 ? "-" : String.valueOf(peakRssKib / 1024),
                serverCpuNanos < 0 ? "-" : String.format(Locale.ROOT, "%.2f", serverCpuNanos / 1e9), results);
    }
}
