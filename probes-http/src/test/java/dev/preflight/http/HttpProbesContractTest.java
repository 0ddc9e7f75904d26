package dev.preflight.http;

import dev.preflight.probe.Probe;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeContractTest;
import java.util.List;

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
                new HealthProbe(), new RateLimitProbe(), new StoragePublicListingProbe());
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
        return Target.web("https://deploy:" + targets.plantedPassword() + "@" + targets.silentServer() + "/");
    }
}
