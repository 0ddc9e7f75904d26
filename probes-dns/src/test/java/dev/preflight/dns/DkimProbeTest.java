package dev.preflight.dns;

import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.DnsTestServer;
import dev.preflight.testsupport.DnsZone;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code dns.dkim} against a private knotd serving one zone per case, with keys generated here. */
class DkimProbeTest {
    private static DnsTestServer dns;
    static String rsa512;
    static String rsa1024;
    static String rsa2048;
    static String ed25519;

    static String rsa(int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
    }

    static String ed25519() throws GeneralSecurityException {
        byte[] spki = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
        return Base64.getEncoder().encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
    }

    private static DnsZone key(String zone, String selector, String record) {
        return DnsZone.named(zone).a("@", "127.0.0.40").txt(selector + "._domainkey", record);
    }

    @BeforeAll
    static void serve() throws IOException, GeneralSecurityException {
        DnsTestServer.assumeAvailable();
        rsa512 = rsa(512);
        rsa1024 = rsa(1024);
        rsa2048 = rsa(2048);
        ed25519 = ed25519();
        String spaced = rsa2048.substring(0, 100) + " \t " + rsa2048.substring(100, 300) + "  " + rsa2048.substring(300);
        dns = DnsTestServer.builder()
                .zone(key("strong.test", "sel", "v=DKIM1; k=rsa; p=" + rsa2048))
                .zone(key("spaced.test", "sel", "v=DKIM1; k=rsa; p=" + spaced))
                .zone(key("found.test", "google", "v=DKIM1; k=rsa; p=" + rsa2048)
                        .txt("selector1._domainkey", "v=DKIM1; k=ed25519; p=" + ed25519))
                .zone(DnsZone.named("unsigned.test").a("@", "127.0.0.41").txt("@", "v=spf1 -all"))
                .zone(key("medium.test", "sel", "v=DKIM1; k=rsa; p=" + rsa1024))
                .zone(key("weak.test", "sel", "v=DKIM1; k=rsa; p=" + rsa512))
                .zone(key("revoked.test", "sel", "v=DKIM1; k=rsa; p="))
                .zone(key("garbage.test", "sel", "v=DKIM1; k=rsa; p=AAAAAAAA"))
                .zone(key("notbase64.test", "sel", "v=DKIM1; k=rsa; p=!!not*base64!!"))
                .zone(key("ed.test", "sel", "v=DKIM1; k=ed25519; p=" + ed25519))
                .zone(key("testing.test", "sel", "v=DKIM1; k=rsa; t=y; p=" + rsa2048))
                .zone(key("sha1.test", "sel", "v=DKIM1; k=rsa; h=sha1; p=" + rsa2048))
                .zone(key("order.test", "sel", "k=rsa; v=DKIM1; p=" + rsa2048))
                .zone(key("rotated.test", "s1", "v=DKIM1; k=rsa; p=").txt("s2._domainkey", "v=DKIM1; k=rsa; p=" + rsa2048))
                .zone(key("allrevoked.test", "s1", "v=DKIM1; k=rsa; p="))
                .zone(key("weakfound.test", "default", "v=DKIM1; p=" + rsa1024))
                .start();
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    private static ProbeTestKit kit(String domain) {
        return DnsZones.kit(new DkimProbe(), dns, domain);
    }

    private static Result check(String domain, String selectors) {
        return kit(domain).setting("selectors", selectors).run().result();
    }

    @Test
    void a2048BitRsaKeySplitAcrossStringsPasses() {
        org.assertj.core.api.Assertions.assertThat(rsa2048.length()).isGreaterThan(255);
        assertThat(check("strong.test", "sel")).isPass().hasSummaryContaining("sel: rsa 2048 bits")
                .hasDetail("keyBits", 2048);
    }

    @Test
    void whitespaceInsideTheKeyIsIgnored() {
        assertThat(check("spaced.test", "sel")).isPass().hasDetail("keyBits", 2048);
    }

    @Test
    void discoveredKeysAreJudged() {
        assertThat(kit("found.test").run().result()).isPass().hasSummaryContaining("at google, selector1")
                .hasSummaryContaining("set dns.dkim.selectors");
    }

    @Test
    void noKeyAtTheCommonSelectorsWarns() {
        assertThat(kit("unsigned.test").run().result()).isWarn()
                .hasSummary("no DKIM key at the common selectors; set dns.dkim.selectors")
                .hasRemediationContaining("DKIM-Signature");
    }

    @Test
    void aConfiguredSelectorWithoutAKeyFailsNamingEachOne() {
        assertThat(check("unsigned.test", "a, b")).isFail().hasSummaryContaining("no DKIM key at a._domainkey.unsigned.test")
                .hasSummaryContaining("and 1 more problem")
                .hasDetail("problems", java.util.List.of("no DKIM key at a._domainkey.unsigned.test",
                        "no DKIM key at b._domainkey.unsigned.test"));
    }

    @Test
    void aConfiguredSelectorMissingBesideAGoodOneFails() {
        assertThat(check("strong.test", "sel,gone")).isFail().hasSummaryContaining("gone._domainkey.strong.test");
    }

    @Test
    void a1024BitKeyWarns() {
        assertThat(check("medium.test", "sel")).isWarn().hasSummaryContaining("1024 bits").hasDetail("keyBits", 1024);
    }

    @Test
    void aDiscovered1024BitKeyWarns() {
        assertThat(kit("weakfound.test").run().result()).isWarn().hasSummaryContaining("default: the RSA key has 1024");
    }

    @Test
    void aRevokedKeyFoundByGuessingIsNotHeldAgainstTheDomain() {
        assertThat(kit("rotated.test").run().result()).isPass().hasSummaryContaining("at s2");
    }

    @Test
    void onlyRevokedKeysFoundByGuessingWarn() {
        assertThat(kit("allrevoked.test").run().result()).isWarn().hasSummaryContaining("only revoked keys, at s1");
    }

    @Test
    void a512BitKeyFails() {
        assertThat(check("weak.test", "sel")).isFail().hasSummaryContaining("512 bits").hasRemediationContaining("2048");
    }

    @Test
    void aRevokedKeyFails() {
        assertThat(check("revoked.test", "sel")).isFail().hasSummaryContaining("revoked");
    }

    @Test
    void aKeyThatDoesNotParseFails() {
        assertThat(check("garbage.test", "sel")).isFail().hasSummaryContaining("p= is not an RSA public key");
        assertThat(check("notbase64.test", "sel")).isFail().hasSummaryContaining("not valid base64");
    }

    @Test
    void anEd25519KeyPasses() {
        assertThat(check("ed.test", "sel")).isPass().hasSummaryContaining("ed25519");
    }

    @Test
    void testingModeWarns() {
        assertThat(check("testing.test", "sel")).isWarn().hasSummaryContaining("t=y");
    }

    @Test
    void sha1OnlyWarns() {
        assertThat(check("sha1.test", "sel")).isWarn().hasSummaryContaining("h=sha1");
    }

    @Test
    void aVersionThatIsNotFirstFails() {
        assertThat(check("order.test", "sel")).isFail().hasSummaryContaining("v= is not the first tag");
    }

    @Test
    void aSelectorThatIsNotALabelIsAnInvalidSetting() {
        assertThat(check("strong.test", "a b")).isError();
    }
}
