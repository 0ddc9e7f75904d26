package dev.preflight.email;

import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Probe;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeContractTest;
import java.util.List;

/**
 * Preflight's probe contract for every mail probe: a submission server that accepts connections and
 * never answers, with a password planted in the URL; for a mail domain's probes, a DNS server that
 * never answers.
 */
class EmailProbesContractTest extends ProbeContractTest {

    @Override
    protected List<Probe> probes() {
        return List.of(new MxStartTlsProbe());
    }

    @Override
    protected Target targetFor(Probe probe, ContractTargets targets) {
        if (TargetKind.DOMAIN.equals(probe.targetKind())) {
            return Target.builder("shop.test", TargetKind.DOMAIN).attribute("domain", "shop.test")
                    .secret("password", Secret.of(targets.plantedPassword())).build();
        }
        return Target.forUrl("smtp://app:" + targets.plantedPassword() + "@" + targets.silentServer());
    }

    @Override
    protected NetworkSettings networkFor(Probe probe, ContractTargets targets) {
        return TargetKind.DOMAIN.equals(probe.targetKind())
                ? NetworkSettings.builder().dnsServer(targets.silentServerAddress()).build()
                : NetworkSettings.system();
    }
}
