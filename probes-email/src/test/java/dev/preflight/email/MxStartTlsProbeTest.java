package dev.preflight.email;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.ProbeOutcome;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.DnsTestServer;
import dev.preflight.testsupport.DnsZone;
import dev.preflight.testsupport.FreePorts;
import dev.preflight.testsupport.HeldCertificate;
import dev.preflight.testsupport.ScriptedSmtpServer;
import dev.preflight.testsupport.SmtpTestServer;
import dev.preflight.testsupport.TestCertificates;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code smtp.mx-starttls} against a private knotd whose MX hosts resolve to 127.0.0.2 and up, each
 * an in-process SMTP server on one shared free port (the probe's {@code port} setting stands in for
 * 25), with certificates minted under a root the run trusts.
 */
class MxStartTlsProbeTest {
    private static final Instant NOW = Instant.now();
    private static final HeldCertificate ROOT = TestCertificates.builder("Preflight MX Test Root")
            .certificateAuthority(0).validity(NOW.minus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(3650))).build();

    private static DnsTestServer dns;
    private static int port;
    private static final List<AutoCloseable> SERVERS = new ArrayList<>();

    @BeforeAll
    static void serve() throws IOException {
        DnsTestServer.assumeAvailable();
        DnsZone hosts = DnsZone.named("mx.test").a("good1", "127.0.0.2").a("good2", "127.0.0.3")
                .a("plain", "127.0.0.4").a("expired", "127.0.0.5").a("wrongname", "127.0.0.6")
                .a("silent", "127.0.0.7").a("closed1", "127.0.0.8").a("closed2", "127.0.0.9")
                .a("notsmtp", "127.0.0.10").a("blocked", "127.0.0.11").a("noehlo", "127.0.0.12")
                .a("refusestls", "127.0.0.13").a("droptls", "127.0.0.14");
        dns = DnsTestServer.builder().zone(hosts)
                .zone(mx("good.test", "good1", "good2"))
                .zone(mx("plain.test", "good1", "plain"))
                .zone(mx("expired.test", "expired", "good2"))
                .zone(mx("wrongname.test", "good1", "wrongname"))
                .zone(mx("silent.test", "silent", "good1"))
                .zone(mx("closed.test", "closed1", "closed2"))
                .zone(mx("ghost.test", "good1", "ghost"))
                .zone(mx("notsmtp.test", "notsmtp"))
                .zone(mx("blocked.test", "blocked", "good1"))
                .zone(mx("mixed.test", "blocked", "plain"))
                .zone(mx("noehlo.test", "noehlo"))
                .zone(mx("refusestls.test", "refusestls"))
                .zone(mx("droptls.test", "droptls"))
                .zone(DnsZone.named("nullmx.test").record("@", "MX", "0 ."))
                .zone(DnsZone.named("halfnull.test").record("@", "MX", "0 .").mx("@", 10, "good1.mx.test."))
                .zone(DnsZone.named("implicit.test").a("@", "127.0.0.2"))
                .zone(DnsZone.named("nothing.test"))
                .start();
        port = FreePorts.retryIfTaken(MxStartTlsProbeTest::startServers);
    }

    private static DnsZone mx(String domain, String... hosts) {
        DnsZone zone = DnsZone.named(domain);
        for (int i = 0; i < hosts.length; i++) {
            zone.mx("@", 10 * (i + 1), hosts[i] + ".mx.test.");
        }
        return zone;
    }

    /** Every server on one port, a port free on each of their addresses. */
    private static int startServers() throws IOException {
        int candidate = FreePorts.tcp();
        try {
            SERVERS.add(smtp("127.0.0.2", candidate, leaf(NOW.plus(Duration.ofDays(90)), "good1.mx.test",
                    "implicit.test")));
            SERVERS.add(smtp("127.0.0.3", candidate, leaf(NOW.plus(Duration.ofDays(90)), "good2.mx.test")));
            SERVERS.add(smtp("127.0.0.4", candidate, null));
            SERVERS.add(smtp("127.0.0.5", candidate, leaf(NOW.minus(Duration.ofDays(3)), "expired.mx.test")));
            SERVERS.add(smtp("127.0.0.6", candidate, leaf(NOW.plus(Duration.ofDays(90)), "elsewhere.test")));
            // Accepts connections (the kernel completes them from the backlog) and never says a word.
            SERVERS.add(new ServerSocket(candidate, 50, InetAddress.getByName("127.0.0.7")));
            SERVERS.add(scripted("127.0.0.10", candidate).greeting("HTTP/1.1 400 Bad Request").start());
            SERVERS.add(scripted("127.0.0.11", candidate).greeting("554 5.7.1 Client host blocked using a DNSBL")
                    .start());
            SERVERS.add(scripted("127.0.0.12", candidate).before("EHLO", "502 5.5.2 Command not recognized").start());
            SERVERS.add(scripted("127.0.0.13", candidate).before("EHLO", "250-mx.test", "250 STARTTLS")
                    .before("STARTTLS", "454 4.7.0 TLS not available due to local problem").start());
            SERVERS.add(scripted("127.0.0.14", candidate).before("EHLO", "250-mx.test", "250 STARTTLS")
                    .before("STARTTLS", "220 2.0.0 Ready to start TLS").closeAfter("STARTTLS").start());
            return candidate;
        } catch (IOException e) {
            closeServers();
            throw new FreePorts.PortTakenException("the test's SMTP servers", String.valueOf(e));
        }
    }

    private static HeldCertificate leaf(Instant notAfter, String... names) {
        return TestCertificates.builder(names[0]).dnsNames(names)
                .validity(notAfter.minus(Duration.ofDays(100)), notAfter).signedBy(ROOT).build();
    }

    private static ScriptedSmtpServer.Builder scripted(String address, int port) throws IOException {
        return ScriptedSmtpServer.builder().bind(InetAddress.getByName(address), port);
    }

    private static SmtpTestServer smtp(String address, int port, HeldCertificate leaf) throws IOException {
        SmtpTestServer.Builder builder = SmtpTestServer.builder().bind(InetAddress.getByName(address), port);
        if (leaf != null) {
            builder.startTls(leaf);
        }
        return builder.start();
    }

    @AfterAll
    static void stop() {
        closeServers();
        if (dns != null) {
            dns.close();
        }
    }

    private static void closeServers() {
        for (AutoCloseable server : SERVERS) {
            try {
                server.close();
            } catch (Exception e) {
                // stopping anyway
            }
        }
        SERVERS.clear();
    }

    private static ProbeTestKit kit(String domain) {
        Target target = Target.builder(domain, TargetKind.DOMAIN).attribute("domain", domain).location(domain)
                .build();
        return ProbeTestKit.forProbe(new MxStartTlsProbe()).target(target)
                .network(NetworkSettings.builder().dnsServer(dns.address()).trust(List.of(ROOT.certificate())).build())
                .setting("port", String.valueOf(port));
    }

    private static Result check(String domain) {
        return kit(domain).run().result();
    }

    @SuppressWarnings("unchecked")
    private static List<String> hostLines(Result result) {
        return (List<String>) result.details().get("hosts");
    }

    @Test
    void twoMxHostsWithStartTlsAndValidCertificatesPass() {
        Result result = check("good.test");
        assertThat(result).isPass().hasSummaryContaining("every MX host of good.test")
                .hasSummaryContaining("good1.mx.test, good2.mx.test").hasDetail("port", port);
        assertThat(hostLines(result)).hasSize(2).allSatisfy(line -> assertThat(line).contains(": pass, STARTTLS with TLSv1.")
                .contains("is trusted and valid for"));
    }

    @Test
    void anMxHostWithoutStartTlsFailsNamingIt() {
        assertThat(check("plain.test")).isFail()
                .hasSummaryContaining("plain.mx.test (127.0.0.4): offers no STARTTLS")
                .hasRemediationContaining("Turn on STARTTLS on plain.mx.test");
    }

    @Test
    void anExpiredCertificateFailsNamingTheHost() {
        Result result = check("expired.test");
        assertThat(result).isFail().hasSummaryContaining("expired.mx.test (127.0.0.5)").hasSummaryContaining("expired")
                .hasRemediationContaining("MTA-STS");
        assertThat(hostLines(result)).anySatisfy(line -> assertThat(line).startsWith("good2.mx.test 127.0.0.3: pass"));
    }

    @Test
    void aCertificateForAnotherNameFails() {
        assertThat(check("wrongname.test")).isFail().hasSummaryContaining("wrongname.mx.test (127.0.0.6)")
                .hasSummaryContaining("not valid for wrongname.mx.test");
    }

    @Test
    void aNullMxSkips() {
        assertThat(check("nullmx.test")).isSkip().hasSummaryContaining("accepts no mail");
    }

    @Test
    void aNullMxBesideRealHostsIsLeftOutAndTheHostsAreChecked() {
        Result result = check("halfnull.test");
        assertThat(result).isPass().hasSummaryContaining("every MX host of halfnull.test")
                .hasDetail("mx", List.of("0 .", "10 good1.mx.test"));
        assertThat(hostLines(result)).hasSize(1);
    }

    @Test
    void aTemplateDomainSkipsWithoutConnectingToAnybodysMailHosts() {
        assertThat(check("your-domain.com")).isSkip().hasSummaryContaining("'your-domain.com' is a template");
    }

    @Test
    void withoutMxTheDomainsOwnAddressIsCheckedAndSaysSo() {
        Result result = check("implicit.test");
        assertThat(result).isPass().hasSummaryContaining("no MX record, so its own address receives its mail");
        assertThat(hostLines(result)).containsExactly(hostLines(result).get(0)).first().asString()
                .startsWith("implicit.test 127.0.0.2: pass");
    }

    @Test
    void aDomainWithNeitherMxNorAddressFails() {
        assertThat(check("nothing.test")).isFail().hasSummaryContaining("neither an MX record nor an address");
    }

    @Test
    void aSilentMxIsAnErrorOfItsOwnWhileTheOtherHostIsStillJudged() {
        ProbeOutcome outcome = kit("silent.test").timeout(Duration.ofSeconds(3)).run();
        assertThat(outcome.result()).isError().hasSummaryContaining("silent.mx.test (127.0.0.7)")
                .hasSummaryContaining("before the deadline");
        assertThat(hostLines(outcome.result())).anySatisfy(line -> assertThat(line)
                .startsWith("good1.mx.test 127.0.0.2: pass"));
        assertThat(outcome.duration()).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void nothingListeningOnAnyMxIsAnErrorHintingAtABlockedPort() {
        assertThat(check("closed.test")).isError().hasSummaryContaining("cannot connect to any mail host of closed.test")
                .hasSummaryContaining("may be blocked from this machine");
    }

    @Test
    void anMxHostThatDoesNotResolveFailsNamingIt() {
        Result result = check("ghost.test");
        assertThat(result).isFail().hasSummaryContaining("ghost.mx.test: does not resolve (no such name)");
        assertThat(hostLines(result)).anySatisfy(line -> assertThat(line).startsWith("good1.mx.test 127.0.0.2: pass"));
    }

    @Test
    void hostsBeyondTheCapLeaveAWarningNotAPass() {
        assertThat(kit("good.test").setting("max-hosts", "1").run().result()).isWarn()
                .hasSummaryContaining("the first 1 of 2 MX hosts").hasDetail("notChecked", List.of("good2.mx.test"));
    }

    @Test
    void aPortOutOfRangeIsAnInvalidSetting() {
        assertThat(kit("good.test").setting("port", "70000").run().result()).isError()
                .hasSummaryContaining("smtp.mx-starttls.port");
    }

    @Test
    void anMxThatAnswersInAnotherProtocolFails() {
        assertThat(check("notsmtp.test")).isFail()
                .hasSummaryContaining("notsmtp.mx.test (127.0.0.10): does not answer in SMTP")
                .hasSummaryContaining("HTTP/1.1 400");
    }

    @Test
    void anMxThatRefusesThisMachinesSessionIsAnErrorNotAVerdict() {
        Result result = check("blocked.test");
        assertThat(result).isError().hasSummaryContaining("blocked.mx.test (127.0.0.11): refuses a session from this"
                + " machine (554 5.7.1 Client host blocked using a DNSBL)");
        assertThat(hostLines(result)).anySatisfy(line -> assertThat(line).startsWith("good1.mx.test 127.0.0.2: pass"));
    }

    @Test
    void aFailingHostOutweighsOneThatCouldNotBeJudged() {
        Result result = check("mixed.test");
        assertThat(result).isFail().hasSummaryContaining("plain.mx.test (127.0.0.4): offers no STARTTLS")
                .hasSummaryContaining("and 1 more problem");
        assertThat(hostLines(result)).anySatisfy(line -> assertThat(line).startsWith("blocked.mx.test 127.0.0.11: error"));
    }

    @Test
    void anMxWithoutEsmtpFails() {
        assertThat(check("noehlo.test")).isFail().hasSummaryContaining("does not know EHLO (502 5.5.2");
    }

    @Test
    void startTlsAdvertisedAndRefusedFails() {
        assertThat(check("refusestls.test")).isFail().hasSummaryContaining("advertises STARTTLS but refuses it (454 4.7.0");
    }

    @Test
    void aConnectionDroppedWhereTheHandshakeShouldStartFails() {
        assertThat(check("droptls.test")).isFail().hasSummaryContaining("droptls.mx.test (127.0.0.14): offers"
                + " STARTTLS but the TLS handshake fails");
    }
}
