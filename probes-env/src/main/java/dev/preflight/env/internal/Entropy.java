package dev.preflight.env.internal;

/**
 * A conservative estimate of how many bits of randomness a secret holds, from its text alone.
 *
 * <p>The estimate is the smallest of three readings, each of which alone overrates some weak value:
 * the character-class bound (length × log2 of the alphabet of the classes used: hex 16, digits 10,
 * lower 26, upper 26, ASCII symbols 33), which rates {@code aaaa…} as random; the Shannon bound (length
 * × empirical entropy per character), which catches repeated characters; and both taken over the
 * shortest repeating unit, so {@code abcdabcd…} counts as {@code abcd}. It cannot spot dictionary
 * words or keyboard walks, so it errs high for those; and because the Shannon bound of a short
 * sample is below its true entropy, it errs low (by about 10%) for short random values: 32 random hex
 * characters, exactly 128 bits, measure about 115.
 *
 * @since 0.1
 */
public final class Entropy {
    private static final double LOG2 = Math.log(2);

    private Entropy() {
    }

    /**
     * @param value a secret
     * @return the estimated bits of randomness, 0 for an empty value
     */
    public static double bits(String value) {
        int[] points = value.codePoints().toArray();
        int unit = period(points);
        int[] head = java.util.Arrays.copyOf(points, unit);
        return Math.min(classBits(head), shannonBits(head));
    }

    /**
     * @param bytes decoded key material, e.g. a Laravel {@code base64:} key
     * @return the estimated bits: 8 per byte, capped by the Shannon bound over the bytes
     */
    public static double bits(byte[] bytes) {
        int[] points = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            points[i] = bytes[i] & 0xff;
        }
        return Math.min(8.0 * bytes.length, shannonBits(points));
    }

    private static double classBits(int[] points) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        boolean other = false;
        boolean lowerHex = true;
        boolean upperHex = true;
        for (int c : points) {
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
            digit |= c >= '0' && c <= '9';
            symbol |= c >= 0x20 && c < 0x7f && !Character.isLetterOrDigit(c);
            other |= c >= 0x7f || c < 0x20;
            lowerHex &= c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
            upperHex &= c >= '0' && c <= '9' || c >= 'A' && c <= 'F';
        }
        int alphabet;
        if ((lowerHex || upperHex) && (lower || upper)) {
            alphabet = 16;
        } else {
            alphabet = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) + (other ? 128 : 0);
        }
        return alphabet <= 1 ? 0 : points.length * Math.log(alphabet) / LOG2;
    }

    private static double shannonBits(int[] points) {
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (int c : points) {
            counts.merge(c, 1, Integer::sum);
        }
        double perSymbol = 0;
        for (int n : counts.values()) {
            double p = (double) n / points.length;
            perSymbol -= p * Math.log(p) / LOG2;
        }
        return perSymbol * points.length;
    }

    /** The length of the shortest prefix that, repeated, produces the whole value. */
    private static int period(int[] points) {
        outer:
        for (int p = 1; p < points.length; p++) {
            for (int i = p; i < points.length; i++) {
                if (points[i] != points[i - p]) {
                    continue outer;
                }
            }
            return p;
        }
        return points.length;
    }
}
