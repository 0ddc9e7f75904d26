package dev.preflight.env;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.ProbeOutcome;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnalyticsIdsProbeTest {

    @TempDir
    Path dir;

    private static EnvCheck check() {
        return EnvCheck.of(new AnalyticsIdsProbe());
    }

    @Test
    void realIdsOfEveryProviderPass() {
        Result result = check().with("NEXT_PUBLIC_GA_MEASUREMENT_ID", "G-PSW1MY7HB4").with("GTM_ID", "GTM-K9DL2QF")
                .with("SEGMENT_WRITE_KEY", "aB3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gH")
                .with("MIXPANEL_TOKEN", "0123456789abcdef0123456789abcdef")
                .with("NEXT_PUBLIC_POSTHOG_KEY", "phc_aB3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gH3jK5mN7")
                .with("AMPLITUDE_API_KEY", "fedcba9876543210fedcba9876543210").with("HOTJAR_ID", "3456789")
                .with("PLAUSIBLE_DOMAIN", "shop.acme.io,acme.io").with("FACEBOOK_PIXEL_ID", "123456789012345").result();

        assertThat(result).isPass();
        assertThat(EnvCheck.list(result, "ids")).hasSize(9).contains("GTM_ID: Google Tag Manager",
                "FACEBOOK_PIXEL_ID: Meta Pixel", "NEXT_PUBLIC_GA_MEASUREMENT_ID: Google Analytics");
    }

    @ParameterizedTest
    @CsvSource({"GA_MEASUREMENT_ID, G-XXXXXXXXXX", "GOOGLE_ANALYTICS_ID, UA-XXXXXXX-X", "GOOGLE_TAG_MANAGER_ID, GTM-XXXXXXX",
        "NEXT_PUBLIC_GA_ID, YOUR_GA_ID", "VITE_GA_TRACKING_ID, <measurement-id>", "META_PIXEL_ID, YOUR_PIXEL_ID_HERE"})
    void templatesWarnAsTemplates(String name, String value) {
        assertThat(check().with(name, value).result()).isWarn().hasSubject(name).hasSummaryContaining("template");
    }

    @Test
    void universalAnalyticsWarnsThatItIsSunset() {
        assertThat(check().with("NEXT_PUBLIC_GOOGLE_ANALYTICS", "UA-12345678-1").result())
                .isWarn()
                .hasSummary("NEXT_PUBLIC_GOOGLE_ANALYTICS is a Universal Analytics id ('UA-12345678-1'); Universal"
                        + " Analytics stopped processing data on 1 July 2023")
                .hasRemediationContaining("measurement id (G-…)");
    }

    @Test
    void emptyIdWarns() {
        assertThat(check().with("GTM_ID", "").result()).isWarn().hasSummary("GTM_ID is empty, so no data is sent");
    }

    @ParameterizedTest
    @CsvSource({"GA_MEASUREMENT_ID, g-psw1my7hb4", "GTM_ID, G-PSW1MY7HB4", "FB_PIXEL_ID, 12345", "HOTJAR_SITE_ID, abc",
        "MIXPANEL_TOKEN, not-a-token"})
    void idsOfTheWrongShapeWarn(String name, String value) {
        assertThat(check().with(name, value).result()).isWarn().hasSummaryContaining(name + " is not ");
    }

    @Test
    void aSecretNamedValueIsNeverQuoted() {
        Result result = check().with("AMPLITUDE_API_KEY", "Zq9wrongShapeKey").with("POSTHOG_KEY", "phx_personalKey0123").result();

        assertThat(result).isWarn();
        assertThat(result.summary()).doesNotContain("Zq9wrongShapeKey", "personalKey0123")
                .contains("POSTHOG_KEY is a PostHog personal API key, a secret");
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r).contains("project API key (phc_…)"));
    }

    @Test
    void plausibleDomainMustBeTheSite() {
        assertThat(check().with("NEXT_PUBLIC_PLAUSIBLE_DOMAIN", "your-domain.com").result()).isWarn()
                .hasSummaryContaining("template");
        assertThat(check().with("PLAUSIBLE_DOMAIN", "localhost").result()).isWarn().hasSummaryContaining("localhost");
    }

    @Test
    void providerUrlsSwitchesAndSecretsAreNotIds() {
        Result result = check().with("POSTHOG_HOST", "https://eu.posthog.com").with("GA_DEBUG", "true")
                .with("MIXPANEL_API_SECRET", "s3cr3t").with("GA_COOKIE_DOMAIN", "auto").result();

        assertThat(result).isSkip().hasSummaryContaining("GA_MEASUREMENT_ID");
    }

    @Test
    void neverFails() {
        Result result = check().with("GA_MEASUREMENT_ID", "").with("GTM_ID", "GTM-XXXXXXX").with("HOTJAR_ID", "x".repeat(100_000))
                .result();

        assertThat(result).isWarn();
        assertThat(EnvCheck.list(result, "warnings")).hasSize(3);
    }

    @Test
    void variableNameSettingAddsNames() {
        assertThat(check().setting("variable-name", "CLARITY_PROJECT_ID").with("CLARITY_PROJECT_ID", "YOUR_PROJECT_ID").result())
                .isWarn().hasSubject("CLARITY_PROJECT_ID");
        assertThat(check().setting("variable-name", "CLARITY_PROJECT_ID").with("CLARITY_PROJECT_ID", "k2x9q7m3ab").result())
                .isPass();
    }

    @Test
    void aRealFileWithOddQuoting() {
        EnvFile file = EnvFile.write(dir, "NEXT_PUBLIC_GA_MEASUREMENT_ID=\"G-XXXXXXXXXX\"", "GTM_ID='GTM-K9DL2QF'",
                "VITE_GA_ID=UA-1234567-2 # old property", "FACEBOOK_PIXEL_ID=\"123456789012345\"");

        ProbeOutcome outcome = file.outcome("env.analytics-ids");

        assertThat(outcome.status()).isEqualTo(Status.WARN);
        assertThat(EnvFile.problems(outcome)).hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("NEXT_PUBLIC_GA_MEASUREMENT_ID: ").contains("template"))
                .anySatisfy(p -> assertThat(p).startsWith("VITE_GA_ID: is a Universal Analytics id"));
    }
}
