package dev.preflight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.Preflight;
import dev.preflight.Waiver;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlConfigTest {
    @TempDir
    Path dir;

    private Fixtures files() {
        return new Fixtures(dir);
    }

    @Test
    void defaultsSetTheRunOptions() {
        PreflightConfig config = files().loadYaml("""
                version: 1
                defaults:
                  timeout: 10s
                  overall-timeout: 5m
                  parallelism: 64
                  include: [tls.*, http.hsts]
                  exclude: http.compression
                """);

        assertThat(config.timeout()).contains(Duration.ofSeconds(10));
        assertThat(config.overallTimeout()).contains(Duration.ofMinutes(5));
        assertThat(config.parallelism()).isEqualTo(OptionalInt.of(64));
        assertThat(config.include()).containsExactly("tls.*", "http.hsts");
        assertThat(config.exclude()).containsExactly("http.compression");
    }

    @Test
    void unsetOptionsStayEmpty() {
        PreflightConfig config = files().loadYaml("targets: {}\n");

        assertThat(config.timeout()).isEmpty();
        assertThat(config.overallTimeout()).isEmpty();
        assertThat(config.parallelism()).isEmpty();
        assertThat(config.include()).isEmpty();
        assertThat(config.waivers()).isEmpty();
        assertThat(config.network().hostOverrides()).isEmpty();
    }

    @Test
    void interpolationReadsTheEnvironmentAndFallsBackToDefaults() {
        Target shop = files().loadYaml("""
                targets:
                  shop:
                    url: https://${HOST}/${SHOP_PATH:-shop}
                    settings:
                      http.hsts.note: "costs $$5, not ${PRICE:-$4}, and pa$word stays"
                      http.hsts.empty: "${EMPTY:-fallback}"
                """, Map.of("HOST", "shop.acme.io", "EMPTY", "")).targets().get(0);

        assertThat(shop.uri().orElseThrow()).hasToString("https://shop.acme.io/shop");
        assertThat(shop.settings()).containsEntry("http.hsts.note", "costs $5, not $4, and pa$word stays")
                .containsEntry("http.hsts.empty", "fallback");
    }

    @Test
    void envFileVariablesInterpolateAfterTheRealEnvironment() {
        Fixtures files = files();
        files.write(".env.production", "HOST=from-file.acme.io\nSHOP_PATH=from-file\n");
        Path yaml = files.write("preflight.yml", """
                env-file: .env.production
                targets:
                  shop: { url: "https://${HOST}/${SHOP_PATH}" }
                """);

        Target shop = Fixtures.loader(Map.of("HOST", "real.acme.io")).loadYaml(yaml).targets().get(0);

        assertThat(shop.uri().orElseThrow()).hasToString("https://real.acme.io/from-file");
    }

    @Test
    void topLevelEnvFileAddsItsDerivedTargetsAfterTheYamlTargets() {
        Fixtures files = files();
        files.write("deploy/.env.production",
                "FRONTEND_URL=https://www.acme.io\nDATABASE_URL=postgresql://db.internal/shop\n");
        Path yaml = files.write("deploy/preflight.yml", """
                environment: staging
                env-file: .env.production
                targets:
                  shop: { url: https://shop.acme.io }
                """);

        PreflightConfig config = Fixtures.loader(Map.of()).loadYaml(yaml);

        assertThat(config.targets()).extracting(Target::name)
                .containsExactly("shop", ".env.production", "FRONTEND_URL", "DATABASE_URL");
        assertThat(config.targets()).allSatisfy(t -> assertThat(t.attribute("environment")).contains("staging"));
        assertThat(config.targets().get(2).attribute("source")).contains(dir.resolve("deploy/.env.production") + ":1");
    }

    @Test
    void anExplicitEnvFileReplacesTheOneTheYamlNames() {
        Fixtures files = files();
        files.write(".env.yaml", "FRONTEND_URL=https://yaml.acme.io\n");
        Path explicit = files.write(".env.cli", "FRONTEND_URL=https://cli.acme.io\nHOST=cli-host.acme.io\n");
        Path yaml = files.write("preflight.yml", "env-file: .env.yaml\ntargets:\n  api: { url: \"https://${HOST}\" }\n");

        PreflightConfig config = Fixtures.loader(Map.of()).load(yaml, explicit);

        assertThat(config.targets()).extracting(t -> t.uri().map(Object::toString).orElse(t.name()))
                .containsExactly("https://cli-host.acme.io", ".env.cli", "https://cli.acme.io");
    }

    @Test
    void derivedTargetsRepeatingAYamlTargetAreLeftOut() {
        Fixtures files = files();
        Path env = files.write(".env", """
                FRONTEND_URL=https://shop.acme.io/
                STRIPE_SECRET_KEY=sk_live_abcdefghijklmnop
                DEFAULT_FROM_EMAIL=Shop <no-reply@shop.acme.io>
                """);
        Path yaml = files.write("preflight.yml", """
                targets:
                  shop: { url: https://shop.acme.io }
                  mail: { domain: shop.acme.io }
                """);

        PreflightConfig config = Fixtures.loader(Map.of()).load(yaml, env);

        assertThat(config.targets()).extracting(Target::name).containsExactly("shop", "mail", ".env", "stripe");
    }

    @Test
    void waiversAreReadWithTheirTargetReasonAndExpiry() {
        PreflightConfig config = files().loadYaml("""
                targets:
                  shop: { url: https://shop.acme.io }
                waivers:
                  - probe: http.compression
                    target: shop
                    reason: "BREACH: pages carry secrets"
                    expires: 2027-03-01
                  - probe: tls.*
                    reason: internal CA until the migration
                    expires: "2026-12-31"
                """);

        assertThat(config.waivers()).containsExactly(
                new Waiver("http.compression", "shop", "BREACH: pages carry secrets", LocalDate.of(2027, 3, 1)),
                new Waiver("tls.*", null, "internal CA until the migration", LocalDate.of(2026, 12, 31)));
    }

    @Test
    void aWaiverMayNameATargetDerivedFromTheEnvFile() {
        Fixtures files = files();
        files.write(".env", "DATABASE_URL=postgresql://db.internal/shop\n");
        Path yaml = files.write("preflight.yml", """
                env-file: .env
                waivers:
                  - { probe: env.secrets, target: DATABASE_URL, reason: read replica, expires: 2027-01-01 }
                """);

        assertThat(Fixtures.loader(Map.of()).loadYaml(yaml).waivers()).extracting(Waiver::target)
                .containsExactly("DATABASE_URL");
    }

    @Test
    void networkSectionReadsOverridesDnsServerAndCaFiles() throws Exception {
        Fixtures files = files();
        files.copyTestCas("certs/extra-ca.pem");
        files.copyTestCas("certs/more.pem");
        PreflightConfig config = files.loadYaml("""
                network:
                  resolve: ["shop.acme.io:443:127.0.0.1", "api.acme.io:*:[::1]"]
                  dns-server: 127.0.0.1:5353
                  ca-file: certs/extra-ca.pem
                  ca-files: [certs/more.pem]
                """);

        assertThat(config.network().overrideFor("shop.acme.io", 443)).contains(InetAddress.getByName("127.0.0.1"));
        assertThat(config.network().overrideFor("api.acme.io", 8443)).contains(InetAddress.getByName("::1"));
        assertThat(config.network().dnsServer()).contains(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 5353));
        assertThat(config.network().extraTrustedCertificates()).hasSize(4)
                .allSatisfy(c -> assertThat(c.getSubjectX500Principal().getName()).startsWith("CN=Preflight Test CA"));
    }

    @Test
    void dnsServerPortDefaultsTo53AndIpv6MayBeBracketed() throws Exception {
        InetAddress loopback6 = InetAddress.getByName("::1");

        assertThat(files().loadYaml("network: { dns-server: 10.0.0.2 }\n").network().dnsServer())
                .contains(new InetSocketAddress(InetAddress.getByName("10.0.0.2"), 53));
        assertThat(files().loadYaml("network: { dns-server: \"[::1]:5353\" }\n").network().dnsServer())
                .contains(new InetSocketAddress(loopback6, 5353));
        assertThat(files().loadYaml("network: { dns-server: \"::1\" }\n").network().dnsServer())
                .contains(new InetSocketAddress(loopback6, 53));
    }

    @Test
    void secretsHoldValuesUnderSecretKeysSecretVariablesAndUrlPasswords() {
        PreflightConfig config = files().loadYaml("""
                targets:
                  db: { url: "postgresql://app:literal-pw-1234@db.internal/shop" }
                  shop:
                    url: https://shop.acme.io
                    settings:
                      http.hsts.api-token: token-value-5678
                      http.hsts.note: "${GITHUB_TOKEN}"
                      http.hsts.plain: "${REGION}"
                """, Map.of("GITHUB_TOKEN", "ghp-value-9012", "REGION", "eu-west-1"));

        assertThat(config.secrets()).contains("literal-pw-1234", "token-value-5678", "ghp-value-9012")
                .doesNotContain("eu-west-1", "https://shop.acme.io");
    }

    @Test
    void applyToCopiesEverythingIntoABuilder() {
        PreflightConfig config = files().loadYaml("""
                defaults: { timeout: 2s, parallelism: 4, include: [tls.*], exclude: [tls.expiry] }
                targets:
                  shop: { url: "https://shop.acme.io/?key=${SHOP_API_KEY}" }
                waivers:
                  - { probe: tls.certificate, reason: testing, expires: 2099-01-01 }
                """, Map.of("SHOP_API_KEY", "shop-api-key-value-1234"));

        Preflight preflight = config.applyTo(Preflight.builder().discoverProbes(false)
                .addProbe(new NamedProbe("tls.certificate")).addProbe(new NamedProbe("tls.expiry"))).build();

        assertThat(preflight.targets()).isEqualTo(config.targets());
        assertThat(preflight.redactor().redact("key shop-api-key-value-1234")).doesNotContain("shop-api-key-value-1234");
    }

    @Test
    void loadingNeitherFileIsAProgrammingError() {
        assertThatThrownBy(() -> Fixtures.loader(Map.of()).load(null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A probe that only has an id, so that the builder's glob validation has something to match. */
    private static final class NamedProbe implements Probe {
        private final String id;

        NamedProbe(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String title() {
            return id;
        }

        @Override
        public TargetKind targetKind() {
            return TargetKind.WEB;
        }

        @Override
        public Result check(ProbeContext context) {
            return Result.pass("fine");
        }
    }
}
