package dev.preflight.email;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.ProbeOutcome;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ContractTargets;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.DnsTestServer;
import dev.preflight.testsupport.DnsZone;
import dev.preflight.testsupport.FailingDnsServer;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;

/**
 * {@code smtp.sender-alignment} against a private knotd serving the From domains' SPF, DKIM and
 * DMARC records, the relays' names (on 127.0.0.x) and a stand-in relay provider, {@code relayco.test},
 * whose SPF include lists its ranges. The probe asks DNS only: no SMTP server is needed.
 */
class SenderAlignmentProbeTest {
    private static final String REJECT = "v=DMARC1; p=reject; rua=mailto:dmarc@";
    private static DnsTestServer dns;

    @BeforeAll
    static void serve() throws IOException, GeneralSecurityException {
        DnsTestServer.assumeAvailable();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String key = "v=DKIM1; k=rsa; p="
                + Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
        dns = DnsTestServer.builder()
                .zone(DnsZone.named("shop.test").a("mail", "127.0.0.21").txt("@", "v=spf1 a:mail.shop.test -all")
                        .txt("s1._domainkey", key).txt("_dmarc", REJECT + "shop.test"))
                .zone(DnsZone.named("outside.test").a("mail", "127.0.0.22").txt("@", "v=spf1 ip4:127.0.0.99 -all")
                        .txt("s1._domainkey", key).txt("_dmarc", REJECT + "outside.test"))
                .zone(DnsZone.named("customer.test").txt("@", "v=spf1 include:_spf.relayco.test -all")
                        .txt("s1._domainkey", key).txt("_dmarc", REJECT + "customer.test"))
                .zone(DnsZone.named("forgot.test").txt("@", "v=spf1 ip4:203.0.113.0/24 -all")
                        .txt("s1._domainkey", key).txt("_dmarc", REJECT + "forgot.test"))
                .zone(DnsZone.named("unsigned.test").a("mail", "127.0.0.26").txt("@", "v=spf1 ip4:127.0.0.99 -all")
                        .txt("_dmarc", "v=DMARC1; p=reject"))
                .zone(DnsZone.named("nodmarc.test").a("mail", "127.0.0.27").txt("@", "v=spf1 a:mail.nodmarc.test -all")
                        .txt("s1._domainkey", key))
                .zone(DnsZone.named("elsewhere.test").a("relay", "127.0.0.28"))
                .zone(DnsZone.named("client.test").txt("@", "v=spf1 ip4:127.0.0.99 -all").txt("s1._domainkey", key)
                        .txt("_dmarc", REJECT + "client.test"))
                .zone(DnsZone.named("neutral.test").a("mail", "127.0.0.29").txt("@", "v=spf1 ?all")
                        .txt("_dmarc", "v=DMARC1; p=quarantine"))
                .zone(DnsZone.named("testing.test").a("mail", "127.0.0.30").txt("@", "v=spf1 a:mail.testing.test -all")
                        .txt("s1._domainkey", key.replace("k=rsa;", "k=rsa; t=y;"))
                        .txt("_dmarc", REJECT + "testing.test"))
                .zone(DnsZone.named("relayco.test").a("smtp", "127.0.0.23")
                        .txt("_spf", "v=spf1 ip4:192.0.2.0/24 include:_more.relayco.test -all")
                        .txt("_more", "v=spf1 ip6:2001:db8:5::/48 -all")
                        .txt("_dyn", "v=spf1 exists:%{i}._ok.relayco.test -all"))
                .zone(DnsZone.named("dyncustomer.test").txt("@", "v=spf1 include:_dyn.relayco.test -all")
                        .txt("s1._domainkey", key).txt("_dmarc", REJECT + "dyncustomer.test"))
                // A stand-in for SendGrid's include, so that the built-in provider table is what is tested.
                .zone(DnsZone.named("sendgrid.net").a("smtp", "127.0.0.32").txt("@", "v=spf1 ip4:192.0.2.128/25 -all"))
                .zone(DnsZone.named("esp.test").txt("@", "v=spf1 include:sendgrid.net -all")
                        .txt("em", "v=spf1 include:sendgrid.net -all").txt("_dmarc", REJECT + "esp.test"))
                .zone(DnsZone.named("lan.test").a("relay", "10.1.2.3"))
                .zone(DnsZone.named("broken.test").a("mail", "127.0.0.31")
                        .txt("@", "v=spf1 ip4:127.0.0.31 foo:bar -all")
                        .txt("s1._domainkey", key).txt("_dmarc", REJECT + "broken.test"))
                .start();
    }

    @AfterAll
    static void stop() {
        if (dns != null) {
            dns.close();
        }
    }

    /** A staging target: {@code .test} names are templates only in production. */
    private static Target target(String url, String from) {
        Target.Builder b = Target.builder("outbound", dev.preflight.probe.TargetKind.SMTP).uri(URI.create(url))
                .attribute("environment", "staging").attribute("dkim-selectors", "s1");
        return (from == null ? b : b.attribute("from", from)).build();
    }

    private static ProbeTestKit kit(String url, String from) {
        return ProbeTestKit.forProbe(new SenderAlignmentProbe()).target(target(url, from))
                .network(NetworkSettings.builder().dnsServer(dns.address()).build());
    }

    private static Result check(String url, String from) {
        return kit(url, from).run().result();
    }

    @Test
    void aSelfHostedRelayInTheSpfWithDkimAndAPolicyPasses() {
        Result result = check("smtp://app:pw@mail.shop.test:587", "Shop <no-reply@shop.test>");

        assertThat(result).isPass().hasSubject("shop.test")
                .hasSummaryContaining("shop.test aligns through mail.shop.test")
                .hasDetail("outbound", "self-hosted").hasDetail("outboundAddresses", List.of("127.0.0.21"))
                .hasDetail("dkimKeys", List.of("s1._domainkey.shop.test"))
                .hasDetail("spf", List.of("127.0.0.21: pass (matched a:mail.shop.test)"));
    }

    @Test
    void aSelfHostedRelayTheSpfRefusesFailsNamingTheAddressAndTheAll() {
        Result result = check("smtp://mail.outside.test", "no-reply@outside.test");

        assertThat(result).isFail().hasSummary("spf: 127.0.0.22 (mail.outside.test) gets fail from outside.test's SPF"
                + " (matched -all): receivers reject or junk its mail")
                .hasRemediationContaining("Add ip4:127.0.0.22 to outside.test's SPF record");
        // DKIM still aligns, so the DMARC part itself passes: only the SPF part fails.
        assertThat((List<?>) result.details().get("parts")).hasSize(3).element(2).asString()
                .startsWith("dmarc: PASS mail can pass DMARC (p=reject) through DKIM");
    }

    @Test
    void aProviderWhoseIncludeIsInTheSpfPassesOnAddressesSampledFromItsRanges() {
        Result result = kit("smtp://apikey:pw@smtp.relayco.test:587", "Orders <orders@customer.test>")
                .setting("provider-include", "_spf.relayco.test").run().result();

        assertThat(result).isPass().hasDetail("outbound", "provider")
                .hasDetail("outboundAddresses", List.of("192.0.2.0", "2001:db8:5:0:0:0:0:0"))
                .hasSummaryContaining("2 addresses sampled from include:_spf.relayco.test");
    }

    @Test
    void aProviderMissingFromTheSpfFails() {
        Result result = kit("smtp://smtp.relayco.test", "orders@forgot.test")
                .setting("provider-include", "_spf.relayco.test").run().result();

        assertThat(result).isFail().hasSummaryContaining("spf: 192.0.2.0 (smtp.relayco.test, its range"
                + " ip4:192.0.2.0/24) gets fail from forgot.test's SPF (matched -all)")
                .hasRemediationContaining("Add include:_spf.relayco.test to forgot.test's SPF record");
    }

    @Test
    void aProviderWhoseRecordListsNoRangesPassesWhenItsIncludeIsThere() {
        Result result = kit("smtp://smtp.relayco.test", "orders@dyncustomer.test")
                .setting("provider-include", "_dyn.relayco.test").run().result();

        assertThat(result).isPass().hasDetail("outboundAddresses", List.of())
                .hasSummaryContaining("dyncustomer.test's SPF includes _dyn.relayco.test");
    }

    @Test
    void anEspSendingWithItsOwnEnvelopeDomainAndNoDkimIsNotShownToAlign() {
        Result result = check("smtp://apikey:pw@smtp.sendgrid.net:587", "orders@esp.test");

        // SPF passes for the provider's addresses, but SendGrid's default envelope domain is its own.
        assertThat(result).isWarn().hasDetail("relay", "SendGrid")
                .hasSummaryContaining("dmarc: DMARC alignment is not shown (p=reject): neither SPF (SendGrid sends"
                        + " with its own envelope domain unless a custom one under esp.test is set up");
        assertThat((List<?>) result.details().get("parts")).element(0).asString()
                .startsWith("spf: PASS esp.test's SPF authorises SendGrid (1 address sampled from"
                        + " include:sendgrid.net)");
    }

    @Test
    void aCustomEnvelopeDomainThatPassesAligns() {
        Result result = kit("smtp://smtp.sendgrid.net", "orders@esp.test").setting("envelope-domain", "em.esp.test")
                .run().result();

        // dkim still WARNs (no key), but DMARC can align through SPF on em.esp.test (relaxed).
        assertThat(result).isWarn().hasDetail("envelopeDomain", "em.esp.test")
                .hasSummaryContaining("dkim: no usable DKIM key for esp.test at selector s1");
        assertThat((List<?>) result.details().get("parts")).element(2).asString()
                .isEqualTo("dmarc: PASS mail can pass DMARC (p=reject) through SPF");
    }

    @Test
    void noDkimKeyUnderRejectWithSpfFailingMeansMailWillBeRejected() {
        Result result = check("smtp://mail.unsigned.test", "no-reply@unsigned.test");

        assertThat(result).isFail().hasSummaryContaining("(also spf FAIL, dkim WARN)");
        assertThat((List<?>) result.details().get("parts")).element(2).asString()
                .startsWith("dmarc: FAIL mail from mail.unsigned.test will be rejected (p=reject): neither SPF (it does"
                        + " not pass for unsigned.test) nor DKIM (no usable DKIM key for unsigned.test at selector s1)"
                        + " aligns");
        assertThat(result).hasDetail("dkim", List.of("s1._domainkey.unsigned.test: no key record"));
    }

    @Test
    void aNeutralSpfWithoutDkimUnderQuarantineMeansMailWillBeQuarantined() {
        Result result = check("smtp://mail.neutral.test", "no-reply@neutral.test");

        // Neutral is a definite answer about the relay's address: SPF cannot align, and no key can either.
        assertThat(result).isFail().hasSummaryContaining("dmarc: mail from mail.neutral.test will be quarantined"
                + " (p=quarantine)").hasSummaryContaining("(also spf WARN, dkim WARN)");
        assertThat((List<?>) result.details().get("parts")).element(0).asString()
                .isEqualTo("spf: WARN 127.0.0.29 gets neutral from neutral.test's SPF (matched ?all): no SPF protection"
                        + " for mail from mail.neutral.test");
    }

    @Test
    void aKeyInTestingModeCannotAlignButSpfStillDoes() {
        Result result = check("smtp://mail.testing.test", "no-reply@testing.test");

        assertThat(result).isWarn().hasSummaryContaining("dkim: no usable DKIM key for testing.test at selector s1"
                + " (s1._domainkey.testing.test: t=y")
                .hasDetail("dkimKeys", List.of());
        assertThat((List<?>) result.details().get("parts")).element(2).asString()
                .isEqualTo("dmarc: PASS mail can pass DMARC (p=reject) through SPF");
    }

    @Test
    void anSpfRecordThatCannotBeEvaluatedFails() {
        assertThat(check("smtp://mail.broken.test", "no-reply@broken.test")).isFail()
                .hasSummaryContaining("spf: broken.test's SPF cannot be evaluated (permerror)");
    }

    @Test
    void aRelayOnAPrivateNetworkWarnsThatItsPublicAddressIsUnknown() {
        assertThat(check("smtp://relay.lan.test", "no-reply@shop.test")).isWarn().hasDetail("outbound", "private")
                .hasSummaryContaining("relay.lan.test is on this machine or a private network");
    }

    @Test
    void noDmarcRecordWarns() {
        Result result = check("smtp://mail.nodmarc.test", "no-reply@nodmarc.test");

        assertThat(result).isWarn().hasSummary("dmarc: no DMARC record at _dmarc.nodmarc.test: receivers apply no"
                + " policy to mail from nodmarc.test").hasRemediationContaining("v=DMARC1; p=none");
    }

    @Test
    void anUnknownRelayOutsideTheSpfWarnsRatherThanGuessing() {
        Result result = check("smtp://relay.elsewhere.test", "no-reply@client.test");

        assertThat(result).isWarn().hasDetail("outbound", "unknown-relay")
                .hasSummaryContaining("if relay.elsewhere.test sends from other addresses, add its include");
    }

    @Test
    void statedOutboundAddressesAreTheOnesEvaluated() {
        Result result = kit("smtp://relay.elsewhere.test", "no-reply@client.test")
                .setting("outbound-addresses", "127.0.0.99").run().result();

        assertThat(result).isPass().hasDetail("outbound", "stated")
                .hasDetail("outboundAddresses", List.of("127.0.0.99"));
    }

    @Test
    void aRelayOnThisMachineWarnsThatItsPublicAddressIsUnknown() {
        Result result = check("smtp://127.0.0.1:2525", "no-reply@shop.test");

        assertThat(result).isWarn().hasDetail("outbound", "private")
                .hasSummaryContaining("127.0.0.1 is on this machine or a private network")
                .hasRemediationContaining("outbound-addresses");
    }

    @Test
    void aTemplateFromDomainFailsNamingIt() {
        Target production = Target.builder("outbound", dev.preflight.probe.TargetKind.SMTP)
                .uri(URI.create("smtp://mail.shop.test")).attribute("from", "Shop <hello@yourdomain.com>").build();
        Result template = ProbeTestKit.forProbe(new SenderAlignmentProbe()).target(production)
                .network(NetworkSettings.builder().dnsServer(dns.address()).build()).run().result();
        Result documentation = check("smtp://mail.shop.test", "no-reply@example.com");

        assertThat(template).isFail().hasSummary("the From domain 'yourdomain.com' is a template placeholder");
        assertThat(documentation).isFail()
                .hasSummaryContaining("the From domain 'example.com' is a documentation domain");
    }

    @Test
    void noFromAddressSkips() {
        assertThat(check("smtp://mail.shop.test", null)).isSkip().hasSummaryContaining("no From address configured");
    }

    @Test
    void aFromValueWithoutAnAddressFails() {
        assertThat(check("smtp://mail.shop.test", "Shop Orders")).isFail()
                .hasSummary("the From address 'Shop Orders' holds no address with a valid domain");
    }

    @Test
    void aSettingThatIsNotAnAddressIsReported() {
        Result result = kit("smtp://mail.shop.test", "no-reply@shop.test")
                .setting("outbound-addresses", "mail.shop.test").run().result();

        assertThat(result).isError().hasSummaryContaining("smtp.sender-alignment.outbound-addresses");
    }

    @Test
    void aDnsServerFailureIsAnError() throws IOException {
        try (FailingDnsServer failing = FailingDnsServer.start(Rcode.SERVFAIL)) {
            Result result = ProbeTestKit.forProbe(new SenderAlignmentProbe())
                    .target(target("smtp://mail.shop.test", "no-reply@shop.test"))
                    .network(NetworkSettings.builder().dnsServer(failing.address()).build()).run().result();

            assertThat(result).isError().hasSummaryContaining("server failure");
            assertThat(failing.queries()).isPositive();
        }
    }

    @Test
    void aSilentDnsServerIsAnErrorAtTheDeadline() {
        Duration deadline = Duration.ofMillis(600);
        try (ContractTargets targets = ContractTargets.open()) {
            long start = System.nanoTime();
            ProbeOutcome outcome = ProbeTestKit.forProbe(new SenderAlignmentProbe())
                    .target(target("smtp://mail.shop.test", "no-reply@shop.test")).timeout(deadline)
                    .network(NetworkSettings.builder().dnsServer(targets.silentServerAddress()).build()).run();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(outcome.result()).isError();
            assertThat(outcome.result().summary()).containsAnyOf("did not answer", "no answer within");
            // Loose on purpose: this proves the check ends near its deadline, on a loaded machine too.
            assertThat(elapsed).isGreaterThanOrEqualTo(deadline.minusMillis(50)).isLessThan(deadline.plusSeconds(5));
        }
    }
}
