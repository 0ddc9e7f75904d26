package dev.preflight.dns;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.probe.InvalidSettingException;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.DnsTestServer;
import dev.preflight.testsupport.DnsZone;
import dev.preflight.testsupport.FailingDnsServer;
import dev.preflight.testsupport.SilentDnsServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * {@code dns.dnssec} against two private knotd servers. One signs its zones on load: signed.test,
 * anchored in the test at the DS of the key knotd made, and island.test, anchored nowhere. The other
 * serves zones as written: unsigned ones (plain.test, loose.test) and ones signed in the test
 * ({@link PresignedZone}): parent.test (anchored) delegating to a signed child, to a child with only a
 * SHA-1 DS and to a child without keys; tampered.test with a broken signature over its SOA, badkeys.test
 * over its DNSKEY set; sha1.test signed with RSASHA1; signed.loose.test, signed under the unsigned
 * loose.test; and child.stripped.test under stripped.test, whose keys carry no signature.
 */
class DnssecProbeTest {
    @TempDir
    static Path dir;

    private static DnsTestServer signing;
    private static DnsTestServer asWritten;
    private static Path signedAnchor;
    private static Path presignedAnchor;
    private static Path strippedAnchor;
    private static Path looseAnchor;

    @BeforeAll
    static void serve() throws IOException {
        DnsTestServer.assumeAvailable();
        signing = DnsTestServer.builder().signed(true)
                .zone(DnsZone.named("signed.test").a("@", "127.0.0.41").a("www", "127.0.0.41"))
                .zone(DnsZone.named("island.test").a("@", "127.0.0.42"))
                .start();
        signedAnchor = anchorFile("signed.anchor", dsOf(signing, "signed.test"));

        PresignedZone tampered = PresignedZone.of(DnsZone.named("tampered.test").a("@", "127.0.0.43"))
                .tamper(Type.SOA);
        PresignedZone badKeys = PresignedZone.of(DnsZone.named("badkeys.test").a("@", "127.0.0.43"))
                .tamper(Type.DNSKEY);
        PresignedZone child = PresignedZone.of(DnsZone.named("child.parent.test").a("@", "127.0.0.48"));
        PresignedZone sha1Child = PresignedZone.of(DnsZone.named("sha1ds.parent.test").a("@", "127.0.0.49"));
        PresignedZone parent = PresignedZone.of(DnsZone.named("parent.test").a("@", "127.0.0.44")
                .ns("nokeys", "ns1.nokeys.parent.test.").a("ns1.nokeys", "127.0.0.45")
                .record("nokeys", "DS", "12345 13 2 " + "AB".repeat(32))
                .ns("child", "ns1.child.parent.test.").a("ns1.child", "127.0.0.48")
                .record("child", "DS", child.dsData(DSRecord.SHA256_DIGEST_ID))
                .ns("sha1ds", "ns1.sha1ds.parent.test.").a("ns1.sha1ds", "127.0.0.49")
                .record("sha1ds", "DS", sha1Child.dsData(DSRecord.SHA1_DIGEST_ID)));
        PresignedZone sha1 = PresignedZone.of(DnsZone.named("sha1.test").a("@", "127.0.0.47"),
                DNSSEC.Algorithm.RSASHA1);
        PresignedZone underUnsigned = PresignedZone.of(DnsZone.named("signed.loose.test").a("@", "127.0.0.50"));
        PresignedZone underStripped = PresignedZone.of(DnsZone.named("child.stripped.test").a("@", "127.0.0.52"));
        PresignedZone stripped = PresignedZone.of(DnsZone.named("stripped.test").a("@", "127.0.0.51")
                .ns("child", "ns1.child.stripped.test.").a("ns1.child", "127.0.0.52")
                .record("child", "DS", underStripped.dsData(DSRecord.SHA256_DIGEST_ID))).withoutSignatures();
        asWritten = DnsTestServer.builder()
                .zone(DnsZone.named("loose.test").ns("signed", "ns1.signed.loose.test.").a("ns1.signed", "127.0.0.50")
                        .record("signed", "DS", underUnsigned.dsData(DSRecord.SHA256_DIGEST_ID))
                        .ns("nokeys", "ns1.nokeys.loose.test.").a("ns1.nokeys", "127.0.0.53")
                        .record("nokeys", "DS", "54321 13 2 " + "AB".repeat(32)))
                .zone(DnsZone.named("nokeys.loose.test").a("@", "127.0.0.53"))
                .zone("signed.loose.test", underUnsigned.text())
                .zone("stripped.test", stripped.text())
                .zone("child.stripped.test", underStripped.text())
                .zone(DnsZone.named("plain.test").a("@", "127.0.0.46"))
                .zone("sha1.test", sha1.text())
                .zone("tampered.test", tampered.text())
                .zone("badkeys.test", badKeys.text())
                .zone("parent.test", parent.text())
                .zone("child.parent.test", child.text())
                .zone("sha1ds.parent.test", sha1Child.text())
                .zone(DnsZone.named("nokeys.parent.test").a("@", "127.0.0.45"))
                .start();
        presignedAnchor = anchorFile("presigned.anchor",
                String.join("\n", tampered.ds(), badKeys.ds(), parent.ds(), sha1.ds()) + "\n");
        strippedAnchor = anchorFile("stripped.anchor", stripped.ds() + "\n");
        looseAnchor = anchorFile("loose.anchor", "loose.test. IN DS 12345 13 2 " + "EF".repeat(32) + "\n");
    }

    @AfterAll
    static void stop() {
        if (signing != null) {
            signing.close();
        }
        if (asWritten != null) {
            asWritten.close();
        }
    }

    private static ProbeTestKit kit(DnsTestServer dns, String domain, Path anchor) {
        ProbeTestKit kit = DnsZones.kit(new DnssecProbe(), dns, domain);
        return anchor == null ? kit : kit.setting("trust-anchor", anchor.toString());
    }

    private static Result check(DnsTestServer dns, String domain, Path anchor) {
        return kit(dns, domain, anchor).run().result();
    }

    @Test
    void aSignedZoneAnchoredAtItsOwnDsPasses() {
        assertThat(check(signing, "signed.test", signedAnchor)).isPass()
                .hasSummaryContaining("signed.test validates with DNSSEC (ECDSAP256SHA256")
                .hasDetail("validation", "secure").hasDetail("zone", "signed.test");
    }

    @Test
    void aChainOfTrustThroughTheParentsDsPasses() {
        // Anchored at parent.test only: the child's key is trusted through the DS parent.test signs.
        Result result = check(asWritten, "child.parent.test", presignedAnchor);
        assertThat(result).isPass().hasSummaryContaining("child.parent.test validates with DNSSEC")
                .hasDetail("zone", "child.parent.test");
        Assertions.assertThat(result.details().get("ds")).asList().singleElement().asString()
                .endsWith("ECDSAP256SHA256 (13) SHA-256");
    }

    @Test
    void aParentDsWithOnlyASha1DigestWarns() {
        assertThat(check(asWritten, "sha1ds.parent.test", presignedAnchor)).isWarn()
                .hasSummaryContaining("its parent's DS records use only SHA-1 digests");
    }

    @Test
    void aNameInsideASignedZoneIsJudgedByItsZone() {
        assertThat(check(signing, "www.signed.test", signedAnchor)).isPass().hasDetail("zone", "signed.test");
    }

    @Test
    void anUnsignedZoneWarns() {
        assertThat(check(asWritten, "plain.test", presignedAnchor)).isWarn()
                .hasSummaryContaining("plain.test is not signed (no DNSKEY)").hasDetail("validation", "insecure");
    }

    @Test
    void aSignedZoneWithoutDsAtItsParentIsAnIslandOfSecurity() {
        assertThat(check(signing, "island.test", signedAnchor)).isWarn()
                .hasSummaryContaining("its parent publishes no DS record (an island of security)");
    }

    @Test
    void aSignedZoneUnderAnUnsignedParentWarns() {
        assertThat(check(asWritten, "signed.loose.test", presignedAnchor)).isWarn()
                .hasSummaryContaining("signed.loose.test is signed and its parent publishes DS, but no chain of trust"
                        + " reaches it from the trust anchor file");
    }

    @Test
    void aBrokenSignatureOverTheSoaFails() {
        Result result = check(asWritten, "tampered.test", presignedAnchor);
        assertThat(result).isFail().hasSummaryContaining("DNSSEC validation of tampered.test fails")
                .hasSummaryContaining("the RRSIG over the SOA (key ").hasSummaryContaining("does not verify")
                .hasDetail("validation", "bogus");
        Assertions.assertThat(result.details().get("reason")).asString()
                .contains("failed ANSWER rrset");
    }

    @Test
    void aParentDsForAZoneWithoutKeysFails() {
        assertThat(check(asWritten, "nokeys.parent.test", presignedAnchor)).isFail()
                .hasSummaryContaining("the parent publishes DS for nokeys.parent.test (12345 ECDSAP256SHA256 (13)")
                .hasSummaryContaining("but the zone serves no DNSKEY");
    }

    @Test
    void aZoneSignedWithRsaSha1Warns() {
        assertThat(check(asWritten, "sha1.test", presignedAnchor)).isWarn()
                .hasSummaryContaining("it is signed with RSASHA1 (5), which RFC 8624 advises against");
    }

    @Test
    void aServerFailureIsAnError() throws IOException {
        try (FailingDnsServer failing = FailingDnsServer.start(Rcode.SERVFAIL)) {
            Result result = ProbeTestKit.forProbe(new DnssecProbe()).target(DnsZones.domain("signed.test"))
                    .network(NetworkSettings.builder().dnsServer(failing.address()).build()).run().result();
            assertThat(result).isError().hasSummaryContaining("could not answer SOA signed.test (SERVFAIL)");
        }
    }

    @Test
    void aDsForAZoneWithoutKeysFailsEvenWhereNoChainOfTrustReachesIt() {
        // Harmless only while loose.test stays unsigned: signing it would take nokeys.loose.test down.
        assertThat(check(asWritten, "nokeys.loose.test", presignedAnchor)).isFail()
                .hasSummaryContaining("the parent publishes DS for nokeys.loose.test (54321 ECDSAP256SHA256 (13)")
                .hasDetail("validation", "insecure");
    }

    @Test
    void aTrustAnchorThatMatchesNoKeyFails() throws IOException {
        Path wrong = anchorFile("wrong.anchor", "signed.test. IN DS 12345 13 2 " + "CD".repeat(32) + "\n");
        assertThat(check(signing, "signed.test", wrong)).isFail()
                .hasSummaryContaining("DNSSEC validation of signed.test fails").hasDetail("validation", "bogus");
    }

    @Test
    void anExpiredSignatureFails() throws IOException {
        // A day after knotd's signatures expire, judged by the check's clock (the validator's too).
        Instant after = expiries(signing, "signed.test").stream().max(Instant::compareTo).orElseThrow()
                .plus(Duration.ofDays(1));
        Result result = kit(signing, "signed.test", signedAnchor).clock(Clock.fixed(after, ZoneOffset.UTC)).run()
                .result();
        assertThat(result).isFail().hasSummaryContaining("the RRSIG over the DNSKEY set expired at")
                .hasDetail("validation", "bogus");
    }

    @Test
    void aSignatureAboutToExpireWarns() throws IOException {
        Instant before = expiries(signing, "signed.test").stream().min(Instant::compareTo).orElseThrow()
                .minus(Duration.ofDays(1));
        Result result = kit(signing, "signed.test", signedAnchor).clock(Clock.fixed(before, ZoneOffset.UTC)).run()
                .result();
        assertThat(result).isWarn().hasSummaryContaining("validates with DNSSEC, but the signature over its ")
                .hasSummaryContaining(" expires in 24 h (").hasDetail("validation", "secure");
    }

    @Test
    void aBrokenSignatureOverTheKeysFails() {
        assertThat(check(asWritten, "badkeys.test", presignedAnchor)).isFail()
                .hasSummaryContaining("DNSSEC validation of badkeys.test fails: the RRSIG over the DNSKEY set (key ")
                .hasSummaryContaining(") does not verify");
    }

    @Test
    void aServerThatCannotLeadFromTheRootAnchorsIsAnErrorNotABogusZone() {
        // The default anchors are the root's; an authoritative server refuses the root's DNSKEY question.
        assertThat(check(signing, "signed.test", null)).isError()
                .hasSummaryContaining("does not serve DNSKEY . (REFUSED), where validation starts from the IANA root"
                        + " KSKs (20326, 38696)");
    }

    @Test
    void keysWithoutSignaturesAboveTheZoneAreAnErrorNotABogusZone() {
        // As a resolver that strips RRSIGs shows a signed parent: the child cannot be validated through it.
        assertThat(check(asWritten, "child.stripped.test", strippedAnchor)).isError()
                .hasSummaryContaining("sends DNSKEY stripped.test without signatures, where validation starts from"
                        + " the trust anchor file");
    }

    @Test
    void anAnchorZoneWithoutKeysIsAnError() {
        assertThat(check(asWritten, "signed.loose.test", looseAnchor)).isError()
                .hasSummaryContaining("does not serve DNSKEY loose.test (NOERROR, no record)");
    }

    @Test
    void aServerThatRefusesIsAnError() {
        assertThat(check(signing, "elsewhere.example", signedAnchor)).isError()
                .hasSummaryContaining("could not answer SOA elsewhere.example (").hasSummaryContaining("REFUSED");
    }

    @Test
    void aSilentServerIsAnErrorAtTheDeadline() throws IOException {
        try (SilentDnsServer silent = SilentDnsServer.start()) {
            long start = System.nanoTime();
            Result result = ProbeTestKit.forProbe(new DnssecProbe()).target(DnsZones.domain("signed.test"))
                    .network(NetworkSettings.builder().dnsServer(silent.address()).build())
                    .timeout(Duration.ofMillis(1000)).run().result();
            // The probe's own wait and the runner's backstop end at the same instant; either words it.
            assertThat(result).isError();
            Assertions.assertThat(result.summary())
                    .containsAnyOf("did not answer SOA signed.test before", "no answer within");
            Assertions.assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis())
                    .isLessThan(1000 + 1000);
        }
    }

    @Test
    void aTrustAnchorFileWithoutKeysIsASettingsError() throws IOException {
        Path empty = anchorFile("empty.anchor", "signed.test. IN A 127.0.0.1\n");
        assertThatThrownBy(() -> new DnssecProbe().check(kit(signing, "signed.test", empty).context()))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("dns.dnssec.trust-anchor")
                .hasMessageContaining("holds no DS or DNSKEY record");
    }

    @Test
    void aMissingOrMalformedTrustAnchorFileIsASettingsError() throws IOException {
        Path missing = dir.resolve("missing.anchor");
        assertThatThrownBy(() -> new DnssecProbe().check(kit(signing, "signed.test", missing).context()))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("cannot read " + missing);
        Path malformed = anchorFile("malformed.anchor", "signed.test. IN DS 12345 13 2 not-hex\n");
        assertThatThrownBy(() -> new DnssecProbe().check(kit(signing, "signed.test", malformed).context()))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("dns.dnssec.trust-anchor")
                .hasMessageContaining("is not a zone file of DS/DNSKEY records");
    }

    @Test
    void aTargetWithoutADomainIsSkipped() {
        assertThat(ProbeTestKit.forProbe(new DnssecProbe())
                .target(Target.builder("shop", TargetKind.DOMAIN).build())
                .run().result()).isSkip().hasSummary("the target names no domain");
    }

    /** When the signatures over a zone's SOA and DNSKEY set expire, as knotd made them. */
    private static List<Instant> expiries(DnsTestServer dns, String zone) throws IOException {
        SimpleResolver resolver = dns.resolver();
        resolver.setEDNS(0, 0, ExtendedFlags.DO);
        List<Instant> expiries = new java.util.ArrayList<>();
        for (int type : new int[] {Type.SOA, Type.DNSKEY}) {
            Message answer = resolver.send(Message.newQuery(Record.newRecord(Name.fromString(zone + "."), type,
                    DClass.IN)));
            answer.getSection(Section.ANSWER).stream().filter(RRSIGRecord.class::isInstance)
                    .map(r -> ((RRSIGRecord) r).getExpire()).forEach(expiries::add);
        }
        if (expiries.isEmpty()) {
            throw new IOException("knotd sent no RRSIG for " + zone);
        }
        return expiries;
    }

    private static Path anchorFile(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** The DS of the key-signing key knotd made for a zone, as a parent would publish it. */
    private static String dsOf(DnsTestServer dns, String zone) throws IOException {
        Message answer = dns.resolver().send(Message.newQuery(Record.newRecord(Name.fromString(zone + "."),
                Type.DNSKEY, DClass.IN)));
        List<String> ds = answer.getSection(Section.ANSWER).stream().filter(DNSKEYRecord.class::isInstance)
                .map(DNSKEYRecord.class::cast).filter(k -> (k.getFlags() & 1) != 0)
                .map(k -> new DSRecord(k.getName(), DClass.IN, 300, DSRecord.SHA256_DIGEST_ID, k).toString()).toList();
        if (ds.isEmpty()) {
            throw new IOException("knotd published no key-signing key for " + zone);
        }
        return String.join("\n", ds) + "\n";
    }
}
