package dev.preflight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlTargetsTest {
    @TempDir
    Path dir;

    private Fixtures files() {
        return new Fixtures(dir);
    }

    @Test
    void urlTargetsTakeTheirKindFromTheScheme() {
        PreflightConfig config = files().loadYaml("""
                targets:
                  shop:     { url: https://shop.example.com }
                  db:       { url: "postgresql://app:${DB_PASSWORD}@db.internal:5432/shop?sslmode=verify-full" }
                  cache:    { url: "rediss://:${REDIS_PASSWORD}@cache.internal:6380" }
                  outbound: { url: "smtp://mailer:${SMTP_PASSWORD}@smtp.example.com:587" }
                """, Map.of("DB_PASSWORD", "db-pw-1234", "REDIS_PASSWORD", "redis-pw-5678", "SMTP_PASSWORD", "smtp-pw-9012"));

        assertThat(config.targets()).extracting(Target::name).containsExactly("shop", "db", "cache", "outbound");
        assertThat(config.targets()).extracting(Target::kind)
                .containsExactly(TargetKind.WEB, TargetKind.POSTGRES, TargetKind.REDIS, TargetKind.SMTP);
        assertThat(config.targets().get(1).location())
                .isEqualTo("postgresql://app:***@db.internal:5432/shop?…");
        assertThat(config.targets().get(1).uri().orElseThrow().getUserInfo()).isEqualTo("app:db-pw-1234");
        assertThat(config.secrets()).contains("db-pw-1234", "redis-pw-5678", "smtp-pw-9012");
    }

    @Test
    void domainTargetCarriesItsDomainAsAttributeAndLocation() {
        Target mail = files().loadYaml("targets:\n  mail: { domain: Example.COM. }\n").targets().get(0);

        assertThat(mail.kind()).isEqualTo(TargetKind.DOMAIN);
        assertThat(mail.attribute("domain")).contains("example.com");
        assertThat(mail.location()).isEqualTo("example.com");
    }

    @Test
    void envFileTargetHoldsTheFileVariablesAndItsSample() {
        Fixtures files = files();
        files.write("config/.env.production", "DEBUG=false\nSECRET_KEY=s3cr3t-value-123\n");
        files.write("config/.env.example", "DEBUG=true\nSECRET_KEY=changeme\n");
        Path yaml = files.write("config/preflight.yml", "targets:\n  app: { env-file: .env.production }\n");

        PreflightConfig config = Fixtures.loader(Map.of()).loadYaml(yaml);
        Target app = config.targets().get(0);

        assertThat(config.targets()).hasSize(1);
        assertThat(app.kind()).isEqualTo(TargetKind.ENV);
        assertThat(app.name()).isEqualTo("app");
        assertThat(app.location()).isEqualTo(".env.production");
        assertThat(app.variables()).containsExactly(entry("DEBUG", "false"), entry("SECRET_KEY", "s3cr3t-value-123"));
        assertThat(app.sampleVariables()).containsEntry("SECRET_KEY", "changeme");
        assertThat(config.secrets()).contains("s3cr3t-value-123");
    }

    @Test
    void commonKeysApplyToATarget() {
        Target shop = files().loadYaml("""
                environment: staging
                targets:
                  shop:
                    url: https://shop.example.com
                    timeout: 3s
                    include: [tls.*, http.hsts]
                    exclude: http.compression, http.security-headers
                    environment: preview
                """).targets().get(0);

        assertThat(shop.timeout()).contains(Duration.ofSeconds(3));
        assertThat(shop.include()).containsExactly("tls.*", "http.hsts");
        assertThat(shop.exclude()).containsExactly("http.compression", "http.security-headers");
        assertThat(shop.attribute("environment")).contains("preview");
    }

    @Test
    void topLevelEnvironmentIsCopiedToTargetsThatSetNone() {
        PreflightConfig config = files().loadYaml("""
                environment: staging
                targets:
                  shop: { url: https://shop.example.com }
                  mail: { domain: example.com, environment: production }
                """);

        assertThat(config.targets()).extracting(t -> t.attribute("environment").orElseThrow())
                .containsExactly("staging", "production");
    }

    @Test
    void environmentDefaultsToProduction() {
        Target shop = files().loadYaml("targets:\n  shop: { url: https://shop.example.com }\n").targets().get(0);

        assertThat(shop.attribute("environment")).contains("production");
    }

    @Test
    void nestedAndFlatSettingsFlattenToDottedKeys() {
        Target shop = files().loadYaml("""
                targets:
                  shop:
                    url: https://shop.example.com
                    settings:
                      tls.certificate.warn-days: 30
                      http.security-headers:
                        required: [content-security-policy, x-frame-options]
                        csp:
                          report-only: false
                """).targets().get(0);

        assertThat(shop.settings()).containsExactly(
                entry("tls.certificate.warn-days", "30"),
                entry("http.security-headers.required", "content-security-policy,x-frame-options"),
                entry("http.security-headers.csp.report-only", "false"));
    }

    @Test
    void targetsKeepFileOrderAndAnEmptyMapMeansNone() {
        assertThat(files().loadYaml("targets:\n").targets()).isEmpty();
        assertThat(files().loadYaml("targets: {}\n").targets()).isEmpty();
        assertThat(files().loadYaml("").targets()).isEmpty();
    }

    @Test
    void withoutKnownProbeIdsGlobsAndSettingsAreNotChecked() {
        Path yaml = files().write("preflight.yml", """
                defaults: { include: [acme.*] }
                targets:
                  shop: { url: https://shop.example.com, settings: { acme.widget.size: 3 } }
                """);

        PreflightConfig config = ConfigLoader.builder().environment(Map.of()).build().loadYaml(yaml);

        assertThat(config.include()).isEqualTo(List.of("acme.*"));
        assertThat(config.targets().get(0).settings()).containsEntry("acme.widget.size", "3");
    }
}
