package dev.preflight.config.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpolatorTest {
    private final SecretCollector secrets = new SecretCollector();
    private final Interpolator interpolator = new Interpolator(Map.of("HOST", "env.example.com", "EMPTY", ""),
            Map.of("HOST", "file.example.com", "PORT", "8443", "DB_PASSWORD", "file-db-password"), secrets);

    @Test
    void textWithoutReferencesIsUnchanged() {
        assertThat(interpolator.expand("plain text, 100% $ure")).isEqualTo("plain text, 100% $ure");
    }

    @Test
    void environmentWinsOverTheEnvFile() {
        assertThat(interpolator.expand("https://${HOST}:${PORT}")).isEqualTo("https://env.example.com:8443");
    }

    @Test
    void defaultAppliesWhenUnsetOrEmptyAndIsTakenLiterally() {
        assertThat(interpolator.expand("${MISSING:-a ${b}")).isEqualTo("a ${b");
        assertThat(interpolator.expand("${EMPTY:-fallback}")).isEqualTo("fallback");
        assertThat(interpolator.expand("[${EMPTY}]")).isEqualTo("[]");
        assertThat(interpolator.expand("${MISSING:-}")).isEmpty();
    }

    @Test
    void doubleDollarIsALiteralDollar() {
        assertThat(interpolator.expand("$${HOST} costs $$5")).isEqualTo("${HOST} costs $5");
    }

    @Test
    void unsetVariableWithoutDefaultIsNamed() {
        assertThatThrownBy(() -> interpolator.expand("${NOPE}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("variable NOPE is not set");
    }

    @Test
    void malformedReferencesAreRejected() {
        assertThatThrownBy(() -> interpolator.expand("${HOST")).hasMessageContaining("never closed");
        assertThatThrownBy(() -> interpolator.expand("${1X}")).hasMessageContaining("is not a variable reference");
    }

    @Test
    void valuesOfSecretNamedVariablesAreCollected() {
        interpolator.expand("${DB_PASSWORD} ${HOST}");

        assertThat(secrets.values()).containsExactly("file-db-password");
    }
}
