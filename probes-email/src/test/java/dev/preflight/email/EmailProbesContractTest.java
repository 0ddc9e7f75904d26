package dev.preflight.email;

import dev.preflight.probe.Probe;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeContractTest;
import java.util.List;

/**
 * Preflight's probe contract for every mail probe, against a server that accepts connections and
 * never answers, with a password planted in the URL. {@code smtp.implicit-tls} gets an
 * {@code smtps://} URL: over {@code smtp://} without its {@code port} setting it has nothing to ask.
 */
class EmailProbesContractTest extends ProbeContractTest {

    @Override
    protected List<Probe> probes() {
        return List.of(new StartTlsProbe(), new ImplicitTlsProbe(), new SmtpAuthProbe());
    }

    @Override
    protected Target targetFor(Probe probe, ContractTargets targets) {
        String scheme = probe instanceof ImplicitTlsProbe ? "smtps" : "smtp";
        return Target.forUrl(scheme + "://app:" + targets.plantedPassword() + "@" + targets.silentServer());
    }
}
