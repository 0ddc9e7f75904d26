package dev.preflight.dns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Status;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link DmarcRecord} never throws: every malformed record becomes a problem. */
class DmarcRecordTest {

    private static List<String> problems(String text) {
        return DmarcRecord.parse(text).problems().stream().map(Problem::text).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ";", ";;;", "=", "v=", "v=DMARC", "v=DMARC10; p=reject", "p=reject; v=DMARC1",
            "v=DMARC1", "v=DMARC1;", "v=DMARC1; p", "v=DMARC1; p=", "v=DMARC1; =reject", "v=DMARC1; 1p=reject",
            "v=DMARC1; p=reject; pct=abc", "v=DMARC1; p=reject; pct=-1", "v=DMARC1; p=reject; pct=99999999999999",
            "v=DMARC1; p=reject; rua=mailto:", "v=DMARC1; p=reject; rua=mailto:@", "v=DMARC1; p=reject; rua=%%%",
            "v=DMARC1; p=reject; rua=,,", "v=DMARC1; p=reject; rua=mailto:a@b.test!", "v=DMARC1; p=reject; rua=:x",
            "v=DMARC1; p=reject; rua=mailto:a@b.test; fo=2", "v=DMARC1; p=reject; rua=mailto:a@b.test; ri=x",
            "v=DMARC1; p=reject; p=none; rua=mailto:a@b.test", "v=DMARC1; p=reject; sp=maybe; rua=mailto:a@b.test",
            "v=DMARC1\u0000; p=reject", "v=DMARC1; p=rej\u00e9ct", "v=DMARC1; p=reject; aspf=\ud83d\ude00"})
    void everyMalformedRecordBecomesAProblem(String text) {
        DmarcRecord record = DmarcRecord.parse(text);
        assertThat(record.problems()).as(text).isNotEmpty();
        assertThat(Problem.worst(record.problems())).as(text).isNotEqualTo(Status.PASS);
    }

    @Test
    void nullIsAProblemNotAnException() {
        assertThat(DmarcRecord.parse(null).problems()).isNotEmpty();
        assertThat(DmarcRecord.isDmarc(null)).isFalse();
    }

    @Test
    void aGoodRecordHasNoProblems() {
        DmarcRecord record = DmarcRecord.parse(" v = DMARC1 ;\tp=reject; sp=quarantine; pct=100; adkim=s; aspf=r;"
                + " rua=mailto:a@b.test!10m, mailto:c@d.test; ruf=mailto:f@b.test; fo=0:1:d:s; ri=3600; ");
        assertThat(record.problems()).isEmpty();
        assertThat(record.policy()).hasValue("reject");
        assertThat(record.subdomainPolicy()).hasValue("quarantine");
        assertThat(record.rua()).containsExactly("mailto:a@b.test", "mailto:c@d.test");
        assertThat(DmarcRecord.mailDomain("mailto:c@D.test")).hasValue("d.test");
    }

    @Test
    void aReportDomainLongerThanDnsAllowsIsNoAddress() {
        String label = "x".repeat(64);
        DmarcRecord record = DmarcRecord.parse("v=DMARC1; p=reject; rua=mailto:r@" + label + ".test,mailto:r@"
                + ("y".repeat(60) + ".").repeat(5) + "test");

        assertThat(record.rua()).isEmpty();
        assertThat(record.problems()).extracting(Problem::text).filteredOn(p -> p.contains("longer than DNS allows"))
                .hasSize(2);
    }

    @Test
    void theVersionIsCaseSensitive() {
        assertThat(DmarcRecord.isDmarc("v=dmarc1; p=reject")).isFalse();
        assertThat(DmarcRecord.isDmarc("V=DMARC1; p=reject")).isTrue();
    }

    @Test
    void invalidValuesNameTheirTag() {
        assertThat(problems("v=DMARC1; p=reject; pct=101; adkim=q; aspf=x; rua=nobody@b.test"))
                .anyMatch(p -> p.startsWith("pct=101")).anyMatch(p -> p.startsWith("adkim=q"))
                .anyMatch(p -> p.startsWith("aspf=x")).anyMatch(p -> p.startsWith("rua=nobody@b.test"));
    }

    @Test
    void organisationalDomainsAreApproximated() {
        assertThat(OrganisationalDomains.of("mail.shop.example.com")).isEqualTo("example.com");
        assertThat(OrganisationalDomains.of("mail.example.co.uk.")).isEqualTo("example.co.uk");
        assertThat(OrganisationalDomains.of("shop.example.com.au")).isEqualTo("example.com.au");
        assertThat(OrganisationalDomains.of("example.com")).isEqualTo("example.com");
        assertThat(OrganisationalDomains.of("localhost")).isEqualTo("localhost");
    }

    @Test
    void alignmentModesAreRelaxedUnlessStrictIsWritten() {
        DmarcRecord strict = DmarcRecord.parse("v=DMARC1; p=reject; adkim=S; aspf=s");
        DmarcRecord plain = DmarcRecord.parse("v=DMARC1; p=reject");
        DmarcRecord invalid = DmarcRecord.parse("v=DMARC1; p=reject; adkim=x; aspf=r");

        assertThat(List.of(strict.dkimAlignment(), strict.spfAlignment())).containsExactly("s", "s");
        assertThat(List.of(plain.dkimAlignment(), plain.spfAlignment())).containsExactly("r", "r");
        // An invalid value is a problem of the record; receivers then apply the default.
        assertThat(List.of(invalid.dkimAlignment(), invalid.spfAlignment())).containsExactly("r", "r");
    }
}
