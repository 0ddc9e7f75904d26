package dev.preflight.bench.dns;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs one command under GNU {@code /usr/bin/time}, which reports the command's own CPU and peak
 * resident set (its {@code getrusage} after exit, the same figure as VmHWM); the wall time is taken
 * here, from just before the start to the exit, so a JVM's start-up is in it.
 *
 * @param wallNanos from start to exit
 * @param cpuNanos user + system CPU of the command (a shell that {@code exec}s counts as the command)
 * @param peakRssKib its peak resident set
 * @param exitCode its exit status
 * @param output its standard output and error
 */
record TimedCommand(long wallNanos, long cpuNanos, long peakRssKib, int exitCode, String output) {
    static final Path TIME = Path.of("/usr/bin/time");

    static boolean isAvailable() {
        return Files.isExecutable(TIME);
    }

    /**
     * @param dir a scratch directory for the measurements
     * @param command the command line
     * @return what it took
     */
    static TimedCommand run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path figures = Files.createTempFile(dir, "time-", ".txt");
        Path output = Files.createTempFile(dir, "output-", ".txt");
        List<String> timed = new ArrayList<>(List.of(TIME.toString(), "-f", "%U %S %M", "-o", figures.toString()));
        timed.addAll(command);
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(timed).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        int exit = process.waitFor();
        long wall = System.nanoTime() - t0;
        // The last line: GNU time writes "Command exited with non-zero status N" before it.
        List<String> lines = Files.readAllLines(figures, StandardCharsets.UTF_8);
        String[] f = lines.get(lines.size() - 1).strip().split(" ");
        long cpu = Math.round((Double.parseDouble(f[0]) + Double.parseDouble(f[1])) * 1e9);
        return new TimedCommand(wall, cpu, Long.parseLong(f[2]), exit, Files.readString(output, StandardCharsets.UTF_8));
    }

    String describe() {
        return String.format(Locale.ROOT, "%.2f s wall, %.2f s CPU, %d MB peak RSS, exit %d", wallNanos / 1e9,
                cpuNanos / 1e9, peakRssKib / 1024, exitCode);
    }
}
