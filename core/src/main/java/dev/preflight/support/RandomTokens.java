package dev.preflight.support;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random bytes for what a probe must not let a target predict: paths that cannot exist, planted
 * host names, a ClientHello's random, the token of a test message, a secret no application holds.
 * One generator for every probe, made on first use rather than when discovery loads a probe: the
 * first SecureRandom sets up the JDK's security providers.
 *
 * @since 0.4
 */
public final class RandomTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    /**
     * @param length how many bytes
     * @return that many random bytes
     */
    public static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /**
     * @param length how many random bytes
     * @return them in lower-case hex, twice as many characters
     */
    public static String hex(int length) {
        return HexFormat.of().formatHex(bytes(length));
    }
}
