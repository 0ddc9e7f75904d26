package dev.preflight.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestEventsTest {
    @Test
    void aForeignSecretKeepsTheProvidersPrefixAndIsNeverTheSameTwice() {
        String one = TestEvents.foreignSecret("whsec_");
        String other = TestEvents.foreignSecret("whsec_");

        assertThat(one).matches("whsec_[0-9a-f]{48}");
        assertThat(other).matches("whsec_[0-9a-f]{48}").isNotEqualTo(one);
        assertThat(TestEvents.foreignSecret("")).matches("[0-9a-f]{48}");
    }
}
