package dev.preflight.config.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.ConfigException;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.targets.TargetBlock;
import dev.preflight.targets.TargetBlockReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetBlockReadersTest {
    @Test
    void discoveryFindsTheReadersOnTheClassPath() {
        TargetBlockReaders readers = TargetBlockReaders.discover(getClass().getClassLoader());

        assertThat(readers.keys()).containsExactly("acme-queue");
        assertThat(readers.failures()).isEmpty();
    }

    @Test
    void twoReadersForOneKeyAreRejectedNamingBoth() {
        assertThatThrownBy(() -> TargetBlockReaders.of(List.of(new Keyed("acme-queue"), new Other("acme-queue")),
                TargetReader.RESERVED)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("two target readers claim the block key 'acme-queue'")
                .hasMessageContaining(Keyed.class.getName()).hasMessageContaining(Other.class.getName());
    }

    @Test
    void aReaderMayNotClaimAKeyTheFileReadsItself() {
        assertThatThrownBy(() -> TargetBlockReaders.of(List.of(new Keyed("timeout")), TargetReader.RESERVED))
                .isInstanceOf(ConfigException.class).hasMessageContaining("claims the block key 'timeout'");
    }

    @Test
    void aMalformedKeyIsRejected() {
        assertThatThrownBy(() -> TargetBlockReaders.of(List.of(new Keyed("Acme_Queue")), TargetReader.RESERVED))
                .isInstanceOf(ConfigException.class).hasMessageContaining("malformed block key 'Acme_Queue'");
    }

    private static class Keyed implements TargetBlockReader {
        private final String key;

        Keyed(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public List<String> keys() {
            return List.of();
        }

        @Override
        public Target.Builder read(String name, TargetBlock block) {
            return Target.builder(name, TargetKind.of("acme"));
        }
    }

    private static final class Other extends Keyed {
        Other(String key) {
            super(key);
        }
    }
}
