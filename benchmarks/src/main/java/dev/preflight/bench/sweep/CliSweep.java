package dev.preflight.bench.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sweep as a user runs it: one {@code bin/preflight check} process on a {@code preflight.yml}
 * with a web target per site, the names sent to 127.0.0.1 by {@code network.resolve} and the bench
 * root trusted by {@code network.ca-file}, the launcher's JVM options and class data sharing
 * archive, default parallelism, a JSON report. Timed whole (JVM start, config, report) by GNU
 * {@code time}, which also gives the process's CPU and peak RSS. {@code SWEEP_CLI_ARGS} adds
 * arguments (e.g. {@code --parallelism 64}), split at white space.
 */
final class CliSweep {
    static final Path LAUNCHER = Path.of("bin", "preflight");
    private static final Path GNU_TIME = Path.of("/usr/bin/time");
    private static final Pattern TIMES = Pattern.compile("GNU-TIME ([\\d.]+) ([\\d.]+) ([\\d.]+) (\\d+)");
    /** Lines of the JSON report that carry a verdict; durations and timestamps are left out. */
    private static final Pattern VERDICT_LINE = Pattern.compile("^\\s*\"(probe|target|status|summary)\": .*$",
            Pattern.MULTILINE);
    /** The launcher's default JVM options: {@code options=${PREFLIGHT_JAVA_OPTS:-…}}. */
    private static final Pattern LAUNCHER_OPTIONS = Pattern.compile("options=\\$\\{PREFLIGHT_JAVA_OPTS:-([^}]*)}");
    /** The option {@code bin/preflight} adds under the kernel's huge page mode, which this file names. */
    private static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";
    private static final Path THP_MODE = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    private static final Pattern STATUS = Pattern.compile("^\\s{6}\"status\": \"(\\w+)\"", Pattern.MULTILINE);

    private CliSweep() {
    }

    static boolean isAvailable() {
        return Files.isExecutable(LAUNCHER) && Files.isExecutable(GNU_TIME);
    }

    /**
     * One whole process's figures, as GNU time reports them.
     *
     * @param output what the process wrote to standard error
     * @param standardOutput what it wrote to standard output
     */
    record Timed(double wallSeconds, double cpuSeconds, long peakRssKib, int exitCode, String output,
            String standardOutput) {
    }

    /** Runs a command under GNU time and keeps what it wrote. */
    static Timed time(Path workDir, List<String> command) throws IOException, InterruptedException {
        List<String> timed = new ArrayList<>(List.of(GNU_TIME.toString(), "-f", "GNU-TIME %e %U %S %M"));
        timed.addAll(command);
        Path err = Files.createTempFile(workDir, "time-", ".txt");
        Path out = Files.createTempFile(workDir, "out-", ".txt");
        Process p = new ProcessBuilder(timed).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int code = p.waitFor();
        String text = Files.readString(err, StandardCharsets.UTF_8);
        String standardOutput = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(err);
        Files.delete(out);
        Matcher m = TIMES.matcher(text);
        if (!m.find()) {
            throw new IOException("no GNU time figures from " + command + ": " + text);
        }
        return new Timed(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)) + Double.parseDouble(m.group(3)),
                Long.parseLong(m.group(4)), code, text.substring(0, m.start()).strip(), standardOutput);
    }

    /**
     * @return the JVM options {@code bin/preflight} gives a check, read from the script so that other
     *     whole-process rows run with the same, and the huge pages it adds where the kernel gives them
     *     on request
     */
    static List<String> launcherOptions() throws IOException {
        String script = Files.readString(LAUNCHER, StandardCharsets.UTF_8);
        Matcher m = LAUNCHER_OPTIONS.matcher(script);
        if (!m.find()) {
            throw new IOException("no default options=${PREFLIGHT_JAVA_OPTS:-...} in " + LAUNCHER);
        }
        List<String> options = new ArrayList<>(List.of(m.group(1).strip().split("\\s+")));
        if (script.contains(HUGE_PAGES) && Files.isReadable(THP_MODE)) {
            String mode = Files.readString(THP_MODE, StandardCharsets.UTF_8);
            if (mode.contains("[madvise]") || mode.contains("[always]")) {
                options.add(HUGE_PAGES);
            }
        }
        return List.copyOf(options);
    }

    /**
     * @param port nginx's HTTPS port
     * @param count how many sites
     * @param caFile the bench root (PEM)
     * @param workDir where the configuration and report go
     */
    static Figures run(int port, int count, Path caFile, Path workDir) throws Exception {
        Path config = workDir.resolve("preflight.yml");
        Files.writeString(config, config(port, count, caFile), StandardCharsets.UTF_8);
        Path report = workDir.resolve("report.json");
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), "check", "--config", config.toString(),
                "--probe", String.join(",", PreflightSweep.PROBES), "--output", report.toString(), "-q"));
        String extra = System.getenv("SWEEP_CLI_ARGS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.strip().split("\\s+")));
        }
        Timed t = time(workDir, command);
        if (t.exitCode() > 1) {
            throw new IOException("bin/preflight check exited " + t.exitCode() + ": " + t.output());
        }
        String json = Files.readString(report, StandardCharsets.UTF_8);
        System.out.println("  bin/preflight: verdicts digest " + verdictDigest(json, port)
                + " (the same before and after a change means every verdict is unchanged)");
        long nanos = Math.round(t.wallSeconds() * 1e9);
        return new Figures("bin/preflight check", "the same 3 probes; whole process, JVM start incl.",
                count, nanos, Math.round(t.cpuSeconds() * 1e9), "the whole process (GNU time)",
                Math.round(t.cpuSeconds() * 1e9), t.peakRssKib(), -1, counts(json));
    }

    private static String config(int port, int count, Path caFile) {
        StringBuilder yaml = new StringBuilder("version: 1\nnetwork:\n  ca-file: ").append(caFile).append("\n  resolve:\n");
        for (int i = 1; i <= count; i++) {
            yaml.append("    - \"").append(SweepSites.name(i)).append(':').append(port).append(":127.0.0.1\"\n");
        }
        yaml.append("targets:\n");
        for (int i = 1; i <= count; i++) {
            String name = SweepSites.name(i);
            yaml.append(String.format(Locale.ROOT, "  site-%04d: { url: \"https://%s:%d/\" }%n", i, name, port));
        }
        return yaml.toString();
    }

    /**
     * @param port nginx's port, which summaries quote and which changes from run to run
     * @return SHA-256 over the report's probe, target, status and summary lines, in order
     */
    static String verdictDigest(String json, int port) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Matcher m = VERDICT_LINE.matcher(json);
        while (m.find()) {
            sha.update(m.group().strip().replace(":" + port, ":PORT").getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }

    private static String counts(String json) {
        int[] n = new int[5];
        String[] names = {"pass", "warn", "fail", "error", "skip"};
        Matcher m = STATUS.matcher(json);
        while (m.find()) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(m.group(1))) {
                    n[i]++;
                }
            }
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            s.append(i == 0 ? "" : " ").append(names[i].toUpperCase(Locale.ROOT)).append(' ').append(n[i]);
        }
        return s.toString();
    }
}
