package dev.preflight.spring.boot;

import dev.preflight.testkit.ContractTargets;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.TestCertificates;
import dev.preflight.testsupport.TlsTestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Two private HTTPS servers with certificates minted under one test root, and a {@code preflight.yml}
 * that trusts that root ({@code network.ca-file}) and reaches them as {@code shop.internal} (expired
 * certificate: tls.certificate FAILs) and {@code api.internal} (valid: it PASSes). Target URLs carry
 * the test kit's planted password and token, which no output may show. {@code warning.yml} names one
 * site whose certificate expires in 20 days (a WARN). Started once per test JVM.
 */
final class TestSites {
    static final TlsTestServer EXPIRED;
    static final TlsTestServer VALID;
    static final TlsTestServer EXPIRING;
    static final Path CONFIG;
    static final Path WARNING_CONFIG;
    static final List<String> PLANTED_SECRETS;

    static {
        Instant now = Instant.now();
        HeldCertificate root = TestCertificates.builder("Preflight Spring Test Root").certificateAuthority(0)
                .validity(now.minus(Duration.ofDays(400)), now.plus(Duration.ofDays(3650))).build();
        HeldCertificate expired = TestCertificates.builder("shop.internal").dnsNames("shop.internal")
                .validity(now.minus(Duration.ofDays(90)), now.minus(Duration.ofDays(2))).signedBy(root).build();
        HeldCertificate valid = TestCertificates.builder("api.internal").dnsNames("api.internal")
                .validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365))).signedBy(root).build();
        HeldCertificate expiring = TestCertificates.builder("api.internal").dnsNames("api.internal")
                .validity(now.minus(Duration.ofDays(300)), now.plus(Duration.ofDays(20))).signedBy(root).build();
        try (ContractTargets planted = ContractTargets.open()) {
            PLANTED_SECRETS = planted.plantedSecrets();
            EXPIRED = TlsTestServer.builder(expired).start();
            VALID = TlsTestServer.builder(valid).start();
            EXPIRING = TlsTestServer.builder(expiring).start();
            Path dir = Files.createTempDirectory("preflight-spring");
            Files.writeString(dir.resolve("root.pem"), root.certificatePem());
            CONFIG = Files.writeString(dir.resolve("preflight.yml"), """
                    network:
                      ca-file: root.pem
                      resolve: ["shop.internal:%d:127.0.0.1", "api.internal:%d:127.0.0.1"]
                    targets:
                      shop: { url: "https://app:%s@shop.internal:%d/?token=%s" }
                      api: { url: "https://app:%s@api.internal:%d/" }
                    """.formatted(EXPIRED.port(), VALID.port(), planted.plantedPassword(), EXPIRED.port(),
                    planted.plantedToken(), planted.plantedPassword(), VALID.port()));
            WARNING_CONFIG = Files.writeString(dir.resolve("warning.yml"), """
                    network:
                      ca-file: root.pem
                      resolve: ["api.internal:%d:127.0.0.1"]
                    targets:
                      api: { url: "https://api.internal:%d/" }
                    """.formatted(EXPIRING.port(), EXPIRING.port()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestSites() {
    }

    /** @return the properties that point the starter at both sites, checking certificates only */
    static String[] properties() {
        return new String[] {"preflight.config=file:" + CONFIG, "preflight.probes=tls.certificate",
                "preflight.timeout=5s"};
    }
}
