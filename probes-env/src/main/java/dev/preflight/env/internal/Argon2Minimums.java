package dev.preflight.env.internal;

import java.util.List;

/**
 * OWASP's Argon2id minimums (Password Storage Cheat Sheet): five configurations of equal defence, each
 * with one degree of parallelism, trading memory for passes: 46 MiB with 1 pass, 19 MiB with 2,
 * 12 MiB with 3, 9 MiB with 4 or 7 MiB with 5. A setting meets the minimum when its memory and passes
 * both reach one of them.
 *
 * @since 0.1
 */
public final class Argon2Minimums {
    /** {memory in KiB, passes}, most memory first. */
    private static final List<long[]> CONFIGURATIONS = List.of(new long[] {47104, 1}, new long[] {19456, 2},
            new long[] {12288, 3}, new long[] {9216, 4}, new long[] {7168, 5});

    private Argon2Minimums() {
    }

    /**
     * @param memoryKib memory per hash in KiB
     * @param passes the time cost (iterations)
     * @return whether the pair reaches one of OWASP's configurations
     */
    public static boolean met(long memoryKib, long passes) {
        return CONFIGURATIONS.stream().anyMatch(c -> memoryKib >= c[0] && passes >= c[1]);
    }

    /**
     * @param passes the time cost (iterations), at least 1
     * @return the least memory in KiB that meets the minimum with that many passes
     */
    public static long memoryFor(long passes) {
        return CONFIGURATIONS.stream().filter(c -> passes >= c[1]).mapToLong(c -> c[0]).min()
                .orElse(CONFIGURATIONS.get(0)[0]);
    }

    /** @return the configurations in words, for messages */
    public static String describe() {
        return "46 MiB with 1 pass, 19 MiB with 2, 12 MiB with 3, 9 MiB with 4 or 7 MiB with 5";
    }
}
