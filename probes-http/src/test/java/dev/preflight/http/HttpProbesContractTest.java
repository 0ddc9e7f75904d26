package dev.preflight.http;

import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Probe;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeContractTest;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * Every HTTP and TLS probe keeps the probe contract against a server that accepts connections and
 * never answers, through a URL that carries a planted password.
 */
class HttpProbesContractTest extends ProbeContractTest {

    @Override
    protected List<Probe> probes() {
        return List.of(new TlsCertificateProbe(), new TlsProtocolsProbe(), new HstsProbe(), new SecurityHeadersProbe(),
                new ServerDisclosureProbe(), new CompressionProbe(), new HttpsRedirectProbe(), new CookiesProbe(),
                new CorsProbe(), new ExposedEndpointsProbe(), new DebugModeProbe(), new FrontendBundleProbe(),
                new HealthProbe(), new RateLimitProbe(), new TlsRenewalProbe(), new Http2Probe(),
                new HostHeaderProbe(), new WwwApexProbe(), new ProtectedPathsProbe(),
                new ReachablePathsProbe(), new CsrfProbe(), new StaticAssetsProbe(),
                new StoragePublicListingProbe());
    }

    @Override
    protected Map<String, String> settingsFor(Probe probe) {
        // Probes that check only named paths skip without them; with them they reach the silent server.
        return switch (probe.id()) {
            case "http.protected-paths", "http.reachable-paths", "http.csrf" -> Map.of("paths", "/admin/, /privacy");
            default -> Map.of();
        };
    }

    @Override
    protected Target targetFor(Probe probe, ContractTargets targets) {
        if (probe instanceof StoragePublicListingProbe) {
            return Target.builder("uploads", TargetKind.STORAGE).uri(java.net.URI.create("s3://acme-uploads"))
                    .attribute("endpoint", "http://" + targets.silentServer())
                    .secret("secret-access-key", dev.preflight.probe.Secret.of(targets.plantedPassword())).build();
        }
        if (probe instanceof HttpsRedirectProbe) {
            // An http:// target is checked as is; an https:// one would be checked on port 80, not the silent server.
            return Target.web("http://deploy:" + targets.plantedPassword() + "@" + targets.silentServer() + "/");
        }
        if (probe instanceof WwwApexProbe) {
            // An IP address has no www or apex name: a www. name, sent to the silent server, has both.
            return Target.web("https://deploy:" + targets.plantedPassword() + "@www.silent.test:"
                    + targets.silentServerAddress().getPort() + "/");
        }
        return Target.web("https://deploy:" + targets.plantedPassword() + "@" + targets.silentServer() + "/");
    }

    @Override
    protected NetworkSettings networkFor(Probe probe, ContractTargets targets) {
        if (!(probe instanceof WwwApexProbe)) {
            return super.networkFor(probe, targets);
        }
        InetSocketAddress silent = targets.silentServerAddress();
        return NetworkSettings.builder()
                .hostOverride(new HostOverride("www.silent.test", silent.getPort(), silent.getAddress()))
                .hostOverride(new HostOverride("silent.test", silent.getPort(), silent.getAddress())).build();
    }
}
