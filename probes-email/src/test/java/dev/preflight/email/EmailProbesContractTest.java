package dev.preflight.email;

import dev.preflight.probe.Probe;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeContractTest;
import java.util.List;
import java.util.Map;

/**
 * Preflight's probe contract for every SMTP probe, against a server that accepts connections and
 * never greets, with a password planted in the URL. {@code smtp.send} gets the addresses it needs to
 * get past its settings check.
 */
class EmailProbesContractTest extends ProbeContractTest {

    @Override
    protected List<Probe> probes() {
        return List.of(new SendProbe());
    }

    @Override
    protected Target targetFor(Probe probe, ContractTargets targets) {
        return Target.forUrl("smtp://app:" + targets.plantedPassword() + "@" + targets.silentServer());
    }

    @Override
    protected Map<String, String> settingsFor(Probe probe) {
        return probe instanceof SendProbe ? Map.of("to", "ops@preflight.dev", "from", "shop@preflight.dev") : Map.of();
    }
}
