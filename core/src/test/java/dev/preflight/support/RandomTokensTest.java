package dev.preflight.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RandomTokensTest {
    @Test
    void tokensHaveTheLengthAskedForAndDoNotRepeat() {
        assertThat(RandomTokens.bytes(32)).hasSize(32).isNotEqualTo(RandomTokens.bytes(32));
        String hex = RandomTokens.hex(8);
        assertThat(hex).matches("[0-9a-f]{16}").isNotEqualTo(RandomTokens.hex(8));
    }
}
