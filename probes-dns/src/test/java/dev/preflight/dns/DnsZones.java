package dev.preflight.dns;

import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Probe;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.DnsTestServer;

/** Runs a DNS probe against a private knotd serving the test's zones, asked as {@code --dns-server}. */
final class DnsZones {

    private DnsZones() {
    }

    static Target domain(String domain) {
        return Target.builder(domain, dev.preflight.probe.TargetKind.DOMAIN).attribute("domain", domain)
                .location(domain).build();
    }

    static ProbeTestKit kit(Probe probe, DnsTestServer dns, String domain) {
        return ProbeTestKit.forProbe(probe).target(domain(domain))
                .network(NetworkSettings.builder().dnsServer(dns.address()).build());
    }
}
