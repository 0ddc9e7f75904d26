package dev.preflight.dns;

import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Probe;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeContractTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/** Preflight's probe contract for every DNS probe, asked of a DNS server that never answers. */
class DnsProbesContractTest extends ProbeContractTest {
    /** dns.registration's bootstrap cache, empty, so that it must ask the network (and meet the silence). */
    @TempDir
    static Path rdapCache;

    @Override
    protected List<Probe> probes() {
        return List.of(new MxProbe(), new CaaProbe(), new RecordsProbe(), new DmarcProbe(), new DkimProbe(),
                new SpfProbe(), new TlsRptProbe(), new MtaStsProbe(), new RegistrationProbe(rdapCache),
                new DnssecProbe());
    }

    @Override
    protected Target targetFor(Probe probe, ContractTargets targets) {
        // A domain target carries no credential today; an API token (say, for RDAP) must never show.
        return Target.builder("shop.test", TargetKind.DOMAIN).attribute("domain", "shop.test")
                .secret("api-token", Secret.of(targets.plantedToken())).build();
    }

    @Override
    protected NetworkSettings networkFor(Probe probe, ContractTargets targets) {
        return NetworkSettings.builder().dnsServer(targets.silentServerAddress()).build();
    }
}
