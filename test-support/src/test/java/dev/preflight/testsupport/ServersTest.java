package dev.preflight.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class ServersTest {
    private static final Path MISSING = Paths.get("/nonexistent/preflight-no-such-server");

    @Test
    void aMissingBinarySkipsTheTestUnlessServersAreRequired() {
        if (Servers.required()) {
            assertThatCode(() -> Servers.assumeAvailable(MISSING, "nothing")).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> Servers.assumeAvailable(MISSING, "nothing"))
                    .isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("nothing is not installed (" + MISSING + ")");
        }
    }

    @Test
    void anExecutableBinaryLetsTheTestRun() {
        assertThatCode(() -> Servers.assumeAvailable(Paths.get("/bin/sh"), "sh")).doesNotThrowAnyException();
    }

    @Test
    void anUnsetVariableMeansTheDefaultPath() {
        assertThat(Servers.binary("PREFLIGHT_TEST_UNSET_VARIABLE", MISSING)).isEqualTo(MISSING);
    }
}
