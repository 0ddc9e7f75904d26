package dev.preflight.bench.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape load from a second process: {@code wrk} (Debian's package {@code wrk}) on loopback,
 * cycling through one request path per target, bounded in time and in count (each of its two
 * threads stops after its share of the requests), with its latency distribution.
 */
final class Wrk {
    static final Path BINARY = Path.of("/usr/bin/wrk");
    private static final int THREADS = 2;
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m)");
    private static final Pattern P99 = Pattern.compile("\\n\\s+99%\\s+([\\d.]+)(us|ms|s|m)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private Wrk() {
    }

    /**
     * What one load run measured.
     *
     * @param requests requests completed
     * @param seconds how long the load ran
     * @param p99Millis the 99th percentile latency
     * @param failed answers that were not 2xx, plus socket errors and timeouts
     */
    record Load(long requests, double seconds, double p99Millis, long failed) {
        double perSecond() {
            return requests / seconds;
        }
    }

    static boolean isAvailable() {
        return Files.isExecutable(BINARY);
    }

    /**
     * @param base e.g. {@code http://127.0.0.1:9871}
     * @param paths the request paths, cycled through in order
     * @param connections concurrent connections
     * @param seconds how long to load at most
     * @param maxRequests how many requests to make at most
     * @param workDir where the Lua script goes
     * @return what wrk measured
     */
    static Load run(String base, List<String> paths, int connections, int seconds, long maxRequests, Path workDir)
            throws Exception {
        StringBuilder lua = new StringBuilder("local paths = {\n");
        for (String path : paths) {
            lua.append("  \"").append(path.replace("\\", "\\\\").replace("\"", "\\\"")).append("\",\n");
        }
        lua.append("}\nlocal n = 0\nlocal answered = 0\nlocal limit = ").append(Math.max(1, maxRequests / THREADS))
                .append("\nrequest = function()\n  n = n + 1\n"
                + "  return wrk.format(\"GET\", paths[(n % #paths) + 1])\nend\n"
                + "response = function(status, headers, body)\n  answered = answered + 1\n"
                + "  if answered >= limit then wrk.thread:stop() end\nend\n");
        Path script = Files.writeString(workDir.resolve("scrapes.lua"), lua, StandardCharsets.UTF_8);
        Process wrk = new ProcessBuilder(BINARY.toString(), "-t" + THREADS, "-c" + connections, "-d" + seconds + "s",
                "--timeout", "30s", "--latency", "-s", script.toString(), base)
                .redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
            throw new IOException("wrk failed:\n" + out);
        }
        Matcher requests = REQUESTS.matcher(out);
        Matcher p99 = P99.matcher(out);
        if (!requests.find() || !p99.find()) {
            throw new IOException("cannot read wrk's output:\n" + out);
        }
        long failed = 0;
        Matcher non2xx = NON_2XX.matcher(out);
        if (non2xx.find()) {
            failed += Long.parseLong(non2xx.group(1));
        }
        Matcher errors = ERRORS.matcher(out);
        if (errors.find()) {
            for (int g = 1; g <= 4; g++) {
                failed += Long.parseLong(errors.group(g));
            }
        }
        return new Load(Long.parseLong(requests.group(1)), millis(requests.group(2), requests.group(3)) / 1000,
                millis(p99.group(1), p99.group(2)), failed);
    }

    private static double millis(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> v / 1000;
            case "ms" -> v;
            case "s" -> v * 1000;
            default -> v * 60_000;
        };
    }

    static String version() {
        try {
            Process p = new ProcessBuilder(BINARY.toString(), "-v").redirectErrorStream(true).start();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
        } catch (IOException e) {
            return "wrk: " + e.getMessage();
        }
    }
}
