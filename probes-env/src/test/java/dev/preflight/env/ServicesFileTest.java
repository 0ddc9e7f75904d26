package dev.preflight.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.Preflight;
import dev.preflight.ProbeCatalog;
import dev.preflight.probe.Probe;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.ProbeIds;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The services file is how users get these probes: it must list exactly this module's probes. */
class ServicesFileTest {
    private static final List<String> EXPECTED_CLASSES = List.of(
            "dev.preflight.env.DebugFlagProbe",
            "dev.preflight.env.EnvironmentNameProbe",
            "dev.preflight.env.SecretValuesProbe",
            "dev.preflight.env.SecretStrengthProbe",
            "dev.preflight.env.PaymentLiveKeysProbe",
            "dev.preflight.env.PaymentKeyPairingProbe",
            "dev.preflight.env.BrowserExposedSecretsProbe",
            "dev.preflight.env.DatabaseTlsProbe",
            "dev.preflight.env.RedisAuthProbe",
            "dev.preflight.env.AllowedHostsProbe",
            "dev.preflight.env.CorsOriginsProbe",
            "dev.preflight.env.HttpsUrlsProbe",
            "dev.preflight.env.TokenLifetimeProbe",
            "dev.preflight.env.ErrorTrackingProbe");
    private static final List<String> EXPECTED_IDS = List.of("env.allowed-hosts", "env.browser-exposed-secrets",
            "env.cors-origins", "env.database-tls", "env.debug", "env.environment", "env.error-tracking", "env.https-urls",
            "env.payment-key-pairing", "env.payment-live-keys", "env.redis-auth", "env.secret-strength", "env.secrets",
            "env.token-lifetime");

    @Test
    void servicesFileListsExactlyTheModulesProbeClasses() throws IOException, URISyntaxException {
        // Read the file from the same classes root as the probes, not whichever jar the class loader finds first.
        Path classes = Path.of(DebugFlagProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> listed = Files.readAllLines(classes.resolve("META-INF/services/dev.preflight.probe.Probe")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toList());

        assertThat(listed).containsExactlyInAnyOrderElementsOf(EXPECTED_CLASSES).doesNotHaveDuplicates();
    }

    @Test
    void discoveryFindsEveryProbeWithAWellFormedEnvId() {
        ProbeCatalog catalog = Preflight.builder().build().catalog();

        assertThat(catalog.failures()).isEmpty();
        assertThat(catalog.ids()).containsAll(EXPECTED_IDS);
        List<Probe> ours = catalog.probes().stream().filter(p -> p.getClass().getPackageName().equals("dev.preflight.env"))
                .collect(Collectors.toList());
        assertThat(ours).extracting(Probe::id).containsExactlyInAnyOrderElementsOf(EXPECTED_IDS);
        assertThat(ours).allSatisfy(p -> {
            assertThat(ProbeIds.isWellFormed(p.id())).as(p.id()).isTrue();
            assertThat(p.targetKind()).isEqualTo(TargetKind.ENV);
            assertThat(p.writes()).isFalse();
            assertThat(p.title()).isNotBlank();
        });
    }
}
