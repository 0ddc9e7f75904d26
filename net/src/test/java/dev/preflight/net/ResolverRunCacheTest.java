package dev.preflight.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.Preflight;
import dev.preflight.Report;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testsupport.DnsTestServer;
import dev.preflight.testsupport.DnsZone;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** One run asks the DNS server each question once, however many probes and targets ask it. */
class ResolverRunCacheTest {

    @Test
    void aNameSharedByTargetsIsAskedOncePerRun() throws IOException {
        DnsTestServer.assumeAvailable();
        try (DnsTestServer dns = DnsTestServer.builder().zone(DnsZone.named("shop.test")
                .txt("_spf", "v=spf1 ip4:192.0.2.0/24 -all")).start();
                CountingDnsProxy proxy = new CountingDnsProxy(dns.address())) {
            Preflight.Builder run = Preflight.builder().discoverProbes(false)
                    .network(NetworkSettings.builder().dnsServer(proxy.address()).build())
                    .target(Target.web("https://a.shop.test/")).target(Target.web("https://b.shop.test/"))
                    .target(Target.web("https://c.shop.test/"));
            for (int i = 0; i < 3; i++) {
                run.addProbe(new IncludeReader("test.include-reader-" + i));
            }

            Report report = run.build().run();

            assertThat(report.outcomes()).hasSize(9)
                    .allSatisfy(o -> assertThat(o.result().status()).isEqualTo(Status.PASS));
            assertThat(proxy.questions()).containsExactly("TXT _spf.shop.test.");
        }
    }

    /** Reads the SPF include every target of the run shares. */
    private record IncludeReader(String id) implements Probe {
        @Override
        public String title() {
            return "reads a shared TXT record";
        }

        @Override
        public TargetKind targetKind() {
            return TargetKind.WEB;
        }

        @Override
        public Result check(ProbeContext context) throws IOException {
            return Result.pass(Network.of(context).resolver().txt("_spf.shop.test").texts().get(0));
        }
    }
}
