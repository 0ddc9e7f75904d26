package dev.preflight.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlErrorsTest {
    @TempDir
    Path dir;

    private ConfigException problem(String yaml) {
        return new Fixtures(dir).yamlError(yaml);
    }

    private String yamlFile() {
        return dir.resolve("preflight.yml").toString();
    }

    private void assertAt(ConfigException e, int line, String key, String... parts) {
        assertThat(e.file()).contains(yamlFile());
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.key().orElse(null)).isEqualTo(key);
        assertThat(e.problem()).contains(parts);
        assertThat(e.getMessage()).startsWith(yamlFile() + ":" + (line > 0 ? line + ": " : ""));
    }

    @Test
    void missingFileIsReportedWithoutLine() {
        Path missing = dir.resolve("nope.yml");

        ConfigException e = Fixtures.expectProblem(() -> Fixtures.loader(Map.of()).loadYaml(missing));

        assertThat(e.file()).contains(missing.toString());
        assertThat(e.line()).isZero();
        assertThat(e.problem()).isEqualTo("the file does not exist; check the path");
    }

    @Test
    void directoryInsteadOfFileIsReported() {
        ConfigException e = Fixtures.expectProblem(() -> Fixtures.loader(Map.of()).loadYaml(dir));

        assertThat(e.problem()).contains("this is a directory");
    }

    @Test
    void yamlSyntaxErrorPointsAtTheLine() {
        ConfigException e = problem("""
                targets:
                  shop: { url: https://shop.example.com
                  mail: { domain: example.com }
                """);

        assertThat(e.file()).contains(yamlFile());
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.problem()).startsWith("YAML syntax error (").contains("indentation");
    }

    @Test
    void duplicateKeyIsRejectedAtItsSecondOccurrence() {
        ConfigException e = problem("""
                targets:
                  shop: { url: https://shop.example.com }
                  mail: { domain: example.com }
                  shop: { url: https://shop2.example.com }
                """);

        assertAt(e, 4, "targets.shop", "'shop' appears twice", "first on line 2", "keep one");
    }

    @Test
    void unknownTopLevelKeySuggestsTheClosest() {
        assertAt(problem("target:\n  shop: { url: https://shop.example.com }\n"), 1, "target",
                "unknown key 'target'; did you mean 'targets'?");
    }

    @Test
    void unknownTargetKeySuggestsTheClosest() {
        ConfigException e = problem("""
                targets:
                  shop:
                    url: https://shop.example.com
                    timout: 10s
                """);

        assertAt(e, 4, "targets.shop.timout", "unknown key 'timout'; did you mean 'timeout'?");
    }

    @Test
    void unknownKeyFarFromAnyListsTheAllowedKeys() {
        assertAt(problem("defaults:\n  colour: blue\n"), 2, "defaults.colour",
                "unknown key 'colour'; allowed here: timeout, overall-timeout, parallelism, include, exclude");
    }

    @Test
    void listWhereAMapBelongsIsAWrongType() {
        assertAt(problem("targets:\n  - https://shop.example.com\n"), 1, "targets",
                "expected a map of 'key: value' lines here, found a list");
    }

    @Test
    void mapWhereAListBelongsIsAWrongType() {
        assertAt(problem("waivers:\n  http.compression: forever\n"), 1, "waivers", "expected a list here, found a map");
    }

    @Test
    void mapWhereAValueBelongsIsAWrongType() {
        assertAt(problem("defaults:\n  timeout: { seconds: 10 }\n"), 2, "defaults.timeout",
                "expected a single value here, found a map");
    }

    @Test
    void badDurationSaysHowToWriteOne() {
        ConfigException e = problem("""
                targets:
                  shop:
                    url: https://shop.example.com
                    timeout: 10 sec
                """);

        assertAt(e, 4, "targets.shop.timeout", "'10 sec' is not a duration; write e.g. 500ms, 10s");
        assertThat(e.getMessage()).isEqualTo(yamlFile() + ":4: targets.shop.timeout: '10 sec' is not a duration;"
                + " write e.g. 500ms, 10s, 2m or 1m30s");
    }

    @Test
    void durationTooLongToComputeADeadlineWithIsRejectedAtItsKey() {
        ConfigException e = problem("""
                targets:
                  shop:
                    url: https://shop.example.com
                    timeout: 999999999999999h
                """);

        assertAt(e, 4, "targets.shop.timeout", "'999999999999999h' is too long; give at most 292 years");
    }

    @Test
    void zeroDurationIsRejected() {
        assertAt(problem("defaults:\n  overall-timeout: 0s\n"), 2, "defaults.overall-timeout", "longer than zero");
    }

    @Test
    void malformedUrlIsRejected() {
        assertAt(problem("targets:\n  shop: { url: \"https://shop example.com\" }\n"), 2, "targets.shop.url",
                "'https://shop example.com' is not a valid URL");
    }

    @Test
    void unsupportedSchemeListsTheSupportedOnes() {
        assertAt(problem("targets:\n  files: { url: \"ftp://files.example.com\" }\n"), 2, "targets.files.url",
                "unsupported scheme 'ftp'", "use https, http, postgresql");
    }

    @Test
    void urlWithoutSchemeIsRejected() {
        assertAt(problem("targets:\n  shop: { url: shop.example.com/path }\n"), 2, "targets.shop.url", "has no scheme");
    }

    @Test
    void badDomainIsRejected() {
        assertAt(problem("targets:\n  mail: { domain: \"https://example.com\" }\n"), 2, "targets.mail.domain",
                "is not a domain name");
    }

    @Test
    void targetWithoutKindNamesTheKindKeys() {
        assertAt(problem("targets:\n  shop:\n    timeout: 5s\n"), 2, "targets.shop",
                "needs one of url, domain, acme-queue, env-file or kind");
    }

    @Test
    void targetWithTwoKindsMustBeSplit() {
        assertAt(problem("targets:\n  shop: { url: https://shop.example.com, domain: example.com }\n"), 2, "targets.shop",
                "has url and domain", "split it");
    }

    @Test
    void targetNameWithSpacesIsRejected() {
        assertAt(problem("targets:\n  my shop: { url: https://shop.example.com }\n"), 2, "targets.my shop",
                "may only contain letters, digits");
    }

    @Test
    void unknownProbeInIncludeSuggestsTheClosest() {
        assertAt(problem("defaults:\n  include:\n    - tls.*\n    - http.hst\n"), 4, "defaults.include[1]",
                "no probe matches 'http.hst'; did you mean 'http.hsts'?");
    }

    @Test
    void unknownProbeInACommaStringIsRejected() {
        assertAt(problem("targets:\n  shop:\n    url: https://shop.example.com\n    exclude: tls.*, dnz.*\n"), 4,
                "targets.shop.exclude", "no probe matches 'dnz.*'");
    }

    @Test
    void unknownProbeInWaiverSuggestsTheClosest() {
        ConfigException e = problem("""
                waivers:
                  - probe: http.compresion
                    reason: BREACH
                    expires: 2027-03-01
                """);

        assertAt(e, 2, "waivers[0].probe", "did you mean 'http.compression'?");
    }

    @Test
    void settingOfAnUnknownProbeSuggestsTheClosest() {
        ConfigException e = problem("""
                targets:
                  shop:
                    url: https://shop.example.com
                    settings:
                      tls.certifcate:
                        warn-days: 30
                """);

        assertAt(e, 6, "targets.shop.settings.tls.certifcate.warn-days",
                "'tls.certifcate.warn-days' is not a setting of a known probe",
                "did you mean 'tls.certificate.warn-days'?");
    }

    @Test
    void settingThatNamesOnlyAProbeIsRejected() {
        assertAt(problem("targets:\n  shop:\n    url: https://shop.example.com\n    settings: { http.hsts: on }\n"),
                4, "targets.shop.settings.http.hsts", "names a probe but no setting");
    }

    @Test
    void settingGivenFlatAndNestedIsRejected() {
        ConfigException e = problem("""
                targets:
                  shop:
                    url: https://shop.example.com
                    settings:
                      tls.certificate.warn-days: 30
                      tls.certificate: { warn-days: 20 }
                """);

        assertAt(e, 6, "targets.shop.settings.tls.certificate.warn-days", "set twice");
    }

    @Test
    void missingVariableNamesFileLineKeyAndVariable() {
        ConfigException e = problem("""
                targets:
                  db:
                    url: "postgresql://app:${DB_PASSWORD}@db.internal/shop"
                """);

        assertAt(e, 3, "targets.db.url", "variable DB_PASSWORD is not set", "${DB_PASSWORD:-value}");
    }

    @Test
    void unclosedReferenceIsRejected() {
        assertAt(problem("environment: ${STAGE\n"), 1, "environment", "a ${ is never closed", "$$");
    }

    @Test
    void waiverWithoutReasonIsRejected() {
        ConfigException e = problem("""
                waivers:
                  - probe: http.compression
                    expires: 2027-03-01
                """);

        assertAt(e, 2, "waivers[0].reason", "a waiver needs a reason");
    }

    @Test
    void waiverWithBlankReasonIsRejectedAtTheReason() {
        assertAt(problem("waivers:\n  - probe: http.hsts\n    reason: \"  \"\n    expires: 2027-03-01\n"), 3,
                "waivers[0].reason", "a waiver needs a reason");
    }

    @Test
    void waiverWithoutExpiryIsRejected() {
        assertAt(problem("waivers:\n  - { probe: http.hsts, reason: legacy }\n"), 2, "waivers[0].expires",
                "needs an expiry date", "YYYY-MM-DD");
    }

    @Test
    void waiverWithBadDateIsRejected() {
        assertAt(problem("waivers:\n  - probe: http.hsts\n    reason: legacy\n    expires: 01/03/2027\n"), 4,
                "waivers[0].expires", "'01/03/2027' is not a date; write it as YYYY-MM-DD");
    }

    @Test
    void waiverForAnUnknownTargetSuggestsTheClosest() {
        ConfigException e = problem("""
                targets:
                  shop: { url: https://shop.example.com }
                waivers:
                  - { probe: http.hsts, target: shopp, reason: legacy, expires: 2027-03-01 }
                """);

        assertAt(e, 4, "waivers[0].target", "no target is named 'shopp'; did you mean 'shop'?");
    }

    @Test
    void parallelismOutOfRangeIsRejected() {
        assertAt(problem("defaults:\n  parallelism: 0\n"), 2, "defaults.parallelism", "'0' is out of range", "1 to 1024");
        assertAt(problem("defaults:\n  parallelism: many\n"), 2, "defaults.parallelism", "'many' is not a whole number");
    }

    @Test
    void unsupportedVersionIsRejected() {
        assertAt(problem("version: 2\n"), 1, "version", "'2' is not a supported version");
    }

    @Test
    void missingEnvFileIsReportedUnderItsOwnName() {
        ConfigException e = problem("env-file: .env.production\n");

        assertThat(e.file()).contains(dir.resolve(".env.production").toString());
        assertThat(e.problem()).contains("does not exist");
    }

    @Test
    void malformedEnvFileIsReportedAtItsLine() {
        new Fixtures(dir).write(".env", "DEBUG=false\nthis is not a variable\n");

        ConfigException e = problem("targets:\n  app: { env-file: .env }\n");

        assertThat(e.file()).contains(dir.resolve(".env").toString());
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.problem()).startsWith("expected NAME=value");
    }

    @Test
    void caFileThatIsNotPemIsRejected() {
        new Fixtures(dir).write("ca.pem", "not a certificate\n");

        assertAt(problem("network:\n  ca-file: ca.pem\n"), 2, "network.ca-file", "is not a PEM certificate file");
    }

    @Test
    void missingCaFileIsRejected() {
        assertAt(problem("network:\n  ca-files: [missing.pem]\n"), 2, "network.ca-files[0]",
                "cannot read " + dir.resolve("missing.pem"), "does not exist");
    }

    @Test
    void badHostOverrideIsRejected() {
        assertAt(problem("network:\n  resolve: [shop.example.com:443:localhost]\n"), 2, "network.resolve[0]",
                "'shop.example.com:443:localhost' is not a host override", "HOST:PORT:ADDRESS");
    }

    @Test
    void dnsServerThatIsNotAnIpAddressIsRejected() {
        assertAt(problem("network:\n  dns-server: dns.example.com:53\n"), 2, "network.dns-server",
                "is not an IP address");
    }
}
