package dev.preflight.bench.dns;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row of the DNS benchmark's table: one tool's run, with the queries the server counted during it.
 *
 * @param tool what ran
 * @param run the measured command
 * @param counters the server's counters during the run (differences), keyed as {@code knotc stats}
 *     names them without the module prefix
 * @param results the tool's own outcome, e.g. {@code PASS 2800 WARN 200}
 * @param walls every repetition's wall time, this run's included
 */
record DnsRow(String tool, TimedCommand run, Map<String, Long> counters, String results, List<Long> walls) {

    long queries() {
        return counters.getOrDefault("server-operation[query]", 0L);
    }

    private long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }

    private String byType() {
        return counters.entrySet().stream().filter(e -> e.getKey().startsWith("query-type[") && e.getValue() > 0)
                .map(e -> e.getKey().substring("query-type[".length(), e.getKey().length() - 1) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    static String header() {
        return String.format(Locale.ROOT, "%-34s %7s %8s %6s %8s %8s %11s  %-16s  %s", "tool", "wall s", "× dig -f",
                "CPU s", "peak RSS", "queries", "UDP / TCP", "by type", "results");
    }

    String row(long digWallNanos, long needed) {
        String ratio = digWallNanos > 0 ? String.format(Locale.ROOT, "%.1f", (double) run.wallNanos() / digWallNanos) : "-";
        String queries = queries() + (queries() == needed ? "" : String.format(Locale.ROOT, " (%+d)", queries() - needed));
        return String.format(Locale.ROOT, "%-34s %7.2f %8s %6.2f %5d MB %8s %11s  %-16s  %s", tool, run.wallNanos() / 1e9,
                ratio, run.cpuNanos() / 1e9, run.peakRssKib() / 1024, queries,
                (counter("request-protocol[udp4]") + counter("request-protocol[udp6]")) + " / "
                        + (counter("request-protocol[tcp4]") + counter("request-protocol[tcp6]")),
                byType(), results);
    }

    String wallList() {
        return walls.stream().map(w -> String.format(Locale.ROOT, "%.2f", w / 1e9)).collect(Collectors.joining(" "));
    }
}
