package dev.preflight.email;

import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Probe;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.FreePorts;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.TestCertificates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Chains minted for {@value #HOST} under one test root, and a test kit that reaches a loopback
 * server by that name (a {@code --resolve}-style override) and trusts the root as {@code --ca-file}
 * would.
 */
final class MailCertificates {
    static final String HOST = "mail.preflight.test";
    static final HeldCertificate ROOT = TestCertificates.builder("Preflight Mail Test Root").certificateAuthority(1)
            .build();
    static final HeldCertificate VALID = leaf(HOST, Duration.ofDays(-1), Duration.ofDays(90));
    static final HeldCertificate EXPIRED = leaf(HOST, Duration.ofDays(-90), Duration.ofDays(-2));
    static final HeldCertificate OTHER_NAME = leaf("elsewhere.preflight.test", Duration.ofDays(-1),
            Duration.ofDays(90));

    private MailCertificates() {
    }

    private static HeldCertificate leaf(String name, Duration from, Duration until) {
        Instant now = Instant.now();
        return TestCertificates.builder(name).dnsNames(name).validity(now.plus(from), now.plus(until)).signedBy(ROOT)
                .build();
    }

    /**
     * @param probe the probe to run
     * @param url e.g. {@code smtp://app:pw@mail.preflight.test:PORT}
     * @param port the port {@value #HOST} is mapped to 127.0.0.1 on
     * @return the kit
     */
    static ProbeTestKit kit(Probe probe, String url, int port) {
        return ProbeTestKit.forProbe(probe).target(Target.forUrl(url))
                .network(NetworkSettings.builder().trust(List.of(ROOT.certificate()))
                        .hostOverride(new HostOverride(HOST, port, FreePorts.LOOPBACK)).build());
    }
}
