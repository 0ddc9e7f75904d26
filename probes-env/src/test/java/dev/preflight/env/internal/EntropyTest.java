package dev.preflight.env.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EntropyTest {

    /** Seeded, so the Shannon bound of the sample, and the test, are the same on every run. */
    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        new Random(42).nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @Test
    void randomHexOfThirtyTwoBytesScoresWellAboveTheDefault() {
        assertThat(Entropy.bits(hex(32))).isBetween(200.0, 256.0);
    }

    @Test
    void randomHexOfSixteenBytesScoresSlightlyBelowItsTrue128Bits() {
        // The documented conservative edge: the Shannon bound of a 32-character sample runs low.
        assertThat(Entropy.bits(hex(16))).isBetween(95.0, 128.0);
    }

    @Test
    void oneRepeatedCharacterScoresZero() {
        assertThat(Entropy.bits("a".repeat(64))).isZero();
    }

    @Test
    void aRepeatedUnitScoresAsTheUnit() {
        assertThat(Entropy.bits("Ab1!".repeat(16))).isEqualTo(Entropy.bits("Ab1!"));
    }

    @Test
    void characterClassesBoundTheEstimate() {
        // Ten distinct digits: at most log2(10) bits each.
        assertThat(Entropy.bits("0123456789")).isCloseTo(10 * Math.log(10) / Math.log(2), within(0.01));
    }

    @Test
    void emptyValueScoresZero() {
        assertThat(Entropy.bits("")).isZero();
        assertThat(Entropy.bits(new byte[0])).isZero();
    }
}
