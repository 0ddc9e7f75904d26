package dev.preflight.bench.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** CPU times and peak memory of processes, from Linux's {@code /proc}. */
final class ProcStats {
    /** USER_HZ: the unit of the times in {@code /proc/<pid>/stat}; 100 on every Linux this runs on. */
    private static final long TICK_NANOS = 10_000_000L;

    private ProcStats() {
    }

    /** @return user + system CPU of the process so far, in nanoseconds; 0 if it is gone */
    static long cpuNanos(long pid) {
        long[] f = statFields(pid);
        return f == null ? 0 : (f[13] + f[14]) * TICK_NANOS;
    }

    /** @return user + system CPU of the process's children that it has waited for, in nanoseconds */
    static long reapedChildrenCpuNanos(long pid) {
        long[] f = statFields(pid);
        return f == null ? 0 : (f[15] + f[16]) * TICK_NANOS;
    }

    /** @return CPU of the process and all its living descendants, in nanoseconds */
    static long treeCpuNanos(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants()).mapToLong(p -> cpuNanos(p.pid())).sum();
    }

    /** @return the process's peak resident set (VmHWM), in KiB; 0 if unknown */
    static long peakRssKib(long pid) {
        return statusValue(pid, "VmHWM:");
    }

    /** @return the process's resident set now (VmRSS), in KiB; 0 if unknown */
    static long rssKib(long pid) {
        return statusValue(pid, "VmRSS:");
    }

    /** @return the peak resident set of the process and its living descendants, summed, in KiB */
    static long treePeakRssKib(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants()).mapToLong(p -> peakRssKib(p.pid())).sum();
    }

    /**
     * CPU of this process's living threads, grouped by kind; threads that already exited (a run's
     * probe workers, once the run is over) are the rest of the process's CPU.
     *
     * @return group name to nanoseconds: JIT compilers, GC, and other threads by name prefix
     */
    static Map<String, Long> threadCpuNanosByGroup() {
        Map<String, Long> groups = new TreeMap<>();
        long pid = ProcessHandle.current().pid();
        long living = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                long[] f = statFields(pid + "/task/" + task.getFileName());
                if (f == null) {
                    continue;
                }
                long nanos = (f[13] + f[14]) * TICK_NANOS;
                living += nanos;
                groups.merge(group(Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII).strip()), nanos,
                        Long::sum);
            }
        } catch (IOException e) {
            return Map.of();
        }
        groups.put("exited threads", Math.max(0, cpuNanos(pid) - living));
        return groups;
    }

    private static String group(String threadName) {
        if (threadName.startsWith("C1 Compiler") || threadName.startsWith("C2 Compiler")) {
            return "JIT compiler";
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")) {
            return "GC and VM";
        }
        if (threadName.equals("java") || threadName.equals("main")) {
            return "main";
        }
        return "other: " + threadName.replaceAll("[-#]?\\d+$", "");
    }

    private static long statusValue(long pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Gone or not Linux.
        }
        return 0;
    }

    /** @return the stat fields, indexed so that {@code [n - 1]} is field n of proc(5) (utime is [13]) */
    private static long[] statFields(long pid) {
        return statFields(String.valueOf(pid));
    }

    private static long[] statFields(String process) {
        try {
            String stat = Files.readString(Path.of("/proc/" + process + "/stat"), StandardCharsets.US_ASCII);
            // The command name may contain spaces and parentheses: field 3 starts after the last ')'.
            String[] parts = stat.substring(stat.lastIndexOf(')') + 2).strip().split(" ");
            long[] fields = new long[parts.length + 2];
            for (int i = 0; i < parts.length; i++) {
                fields[i + 2] = parseOrZero(parts[i]);
            }
            return fields;
        } catch (IOException e) {
            return null;
        }
    }

    private static long parseOrZero(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
