package dev.preflight.email;

import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Probe;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeContractTest;
import java.util.List;

/**
 * Preflight's probe contract for every SMTP probe, against a server that accepts connections and
 * never answers (the submission server, and the DNS server for probes that ask DNS), with a password
 * planted in the URL and a From address to get past SKIP.
 */
class EmailProbesContractTest extends ProbeContractTest {

    @Override
    protected List<Probe> probes() {
        return List.of(new SenderAlignmentProbe());
    }

    @Override
    protected Target targetFor(Probe probe, ContractTargets targets) {
        Target url = Target.forUrl("smtp://app:" + targets.plantedPassword() + "@" + targets.silentServer());
        return Target.builder(url.name(), url.kind()).uri(url.uri().orElseThrow())
                .attribute("from", "Shop <no-reply@shop.test>").attribute("environment", "staging").build();
    }

    @Override
    protected NetworkSettings networkFor(Probe probe, ContractTargets targets) {
        return NetworkSettings.builder().dnsServer(targets.silentServerAddress()).build();
    }
}
