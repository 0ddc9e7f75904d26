package dev.preflight.host;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.FreePorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code net.host-open-ports}: the same scan for a {@code kind: host} target. */
class HostOpenPortsProbeTest {
    private final Listeners listeners = new Listeners();

    @AfterEach
    void close() throws Exception {
        listeners.close();
    }

    @Test
    void aHostTargetIsScannedAtItsHostAttribute() throws Exception {
        int etcd = listeners.accepting(FreePorts.LOOPBACK);
        Target box = Target.builder("box", TargetKind.HOST).attribute("host", "127.0.0.1").build();
        Result result = ProbeTestKit.forProbe(new HostOpenPortsProbe()).allowWrites(true).target(box)
                .setting("ports", etcd + ":etcd").run().result();

        assertThat(result).isFail().hasSummaryContaining("etcd (" + etcd + ") on 127.0.0.1");
    }

    @Test
    void aHostTargetWithoutHostIsSkipped() {
        Target box = Target.builder("box", TargetKind.HOST).build();
        Result result = ProbeTestKit.forProbe(new HostOpenPortsProbe()).allowWrites(true).target(box).run().result();

        assertThat(result).isSkip().hasSummaryContaining("names no host");
    }
}
