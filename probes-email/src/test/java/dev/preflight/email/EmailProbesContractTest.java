package dev.preflight.email;

import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Probe;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeContractTest;
import java.util.List;
import java.util.Map;

/**
 * Preflight's probe contract for every mail probe: a submission server that accepts connections and
 * never answers, with a password planted in the URL and a From address to get past SKIP
 * ({@code smtp.implicit-tls} gets an {@code smtps://} URL: over {@code smtp://} without its
 * {@code port} setting it has nothing to ask); for a mail domain's probes, and for every probe that
 * asks DNS, a DNS server that never answers. {@code smtp.send} gets the addresses it needs to get
 * past its settings check.
 */
class EmailProbesContractTest extends ProbeContractTest {

    @Override
    protected List<Probe> probes() {
        return List.of(new StartTlsProbe(), new ImplicitTlsProbe(), new SmtpAuthProbe(), new MxStartTlsProbe(),
                new SenderAlignmentProbe(), new SendProbe());
    }

    @Override
    protected Target targetFor(Probe probe, ContractTargets targets) {
        if (TargetKind.DOMAIN.equals(probe.targetKind())) {
            return Target.builder("shop.test", TargetKind.DOMAIN).attribute("domain", "shop.test")
                    .attribute("environment", "staging")
                    .secret("password", Secret.of(targets.plantedPassword())).build();
        }
        String scheme = probe instanceof ImplicitTlsProbe ? "smtps" : "smtp";
        Target url = Target.forUrl(scheme + "://app:" + targets.plantedPassword() + "@" + targets.silentServer());
        return Target.builder(url.name(), url.kind()).uri(url.uri().orElseThrow())
                .attribute("from", "Shop <no-reply@shop.test>").attribute("environment", "staging").build();
    }

    @Override
    protected Map<String, String> settingsFor(Probe probe) {
        return probe instanceof SendProbe ? Map.of("to", "ops@preflight.dev", "from", "shop@preflight.dev") : Map.of();
    }

    @Override
    protected NetworkSettings networkFor(Probe probe, ContractTargets targets) {
        // Every network path ends at the silent server: the SMTP server itself, and DNS.
        return NetworkSettings.builder().dnsServer(targets.silentServerAddress()).build();
    }
}
