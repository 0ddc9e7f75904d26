package dev.preflight.host;

import dev.preflight.probe.Probe;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeContractTest;
import java.net.URI;
import java.util.List;

/**
 * The port scans keep the probe contract. Their target is the silent server's host, and its port is
 * the one they try, named as a Redis port: a server that accepts and never answers is an open port.
 */
class NetProbesContractTest extends ProbeContractTest {

    @Override
    protected List<Probe> probes() {
        return List.of(new OpenPortsProbe(), new HostOpenPortsProbe());
    }

    @Override
    protected Target targetFor(Probe probe, ContractTargets targets) {
        String silent = targets.silentServer();
        String host = silent.substring(0, silent.lastIndexOf(':'));
        String port = silent.substring(silent.lastIndexOf(':') + 1);
        Target.Builder target = probe instanceof HostOpenPortsProbe
                ? Target.builder("box", TargetKind.HOST).attribute("host", host)
                        .secret("password", Secret.of(targets.plantedPassword()))
                : Target.builder("site", TargetKind.WEB)
                        .uri(URI.create("https://deploy:" + targets.plantedPassword() + "@" + host + "/"));
        return target.setting(probe.id() + ".ports", port + ":redis").build();
    }
}
