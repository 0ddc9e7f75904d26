package dev.preflight.dns.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SPF grammar of RFC 7208, without DNS. */
class SpfRecordTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "v=spf1",
        "v=spf1 -all",
        "V=SPF1 ~ALL",
        "v=spf1  ip4:192.0.2.0/24   ip6:2001:db8::/32 -all ",
        "v=spf1 a mx a:mail.example.com/24//64 mx//128 a/0 ?all",
        "v=spf1 include:_spf.example.com include:spf.example.net. -all",
        "v=spf1 exists:%{i}.%{l1r-}._spf.%{d} -all",
        "v=spf1 exists:%{ir}.%{v}._spf.%{d2} -all",
        "v=spf1 include:%{d} -all",
        "v=spf1 redirect=_spf.example.com",
        "v=spf1 -all exp=explain._spf.%{d}",
        "v=spf1 -all foo-bar=baz moo.cow=%{d} x_y=",
        "v=spf1 ptr ptr:example.com -all",
        "v=spf1 ip6:::1 ip6:::ffff:192.0.2.1 ip6:1:2:3:4:5:6:7:8/128 ip4:0.0.0.0/0 -all",
        "v=spf1 a:foo%%bar.example.com a:x%_y.example.com a:x%-y.example.com -all",
        "v=spf1 a:e.b-c.com a:example.xn--p1ai -all",
        "v=spf1 a:%{D}.example.com a:%{S}.%{H} -all",
        "v=spf1 +all moo.cow-far_out=man:dog/cat ip4:1.2.3.4 -all",
        "v=spf1 default=+",
        "v=spf1 a:foo:bar/baz.example.com",
        "v=spf1 a:%%%_%-.example.com -all",
        "v=spf1 exists:%{l2r-}.%{d}.example.com -all",
        "v=spf1 exists:%{i}.%{l1r+-}._spf.%{d} -all",
        "v=spf1 ip6:::FFFF:1.2.3.4/128 ip6:2001:DB8::CB01 -all",
    })
    void validRecordsHaveNoProblems(String text) {
        assertThat(SpfRecord.parse(text).problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "v=spf1 foo:bar -all",
        "v=spf1 ip4:1.2.3.4/33 -all",
        "v=spf1 ip4:1.2.3.4/032 -all",
        "v=spf1 ip4:1.2.3.256 -all",
        "v=spf1 ip4:01.2.3.4 -all",
        "v=spf1 ip4:1.2.3 -all",
        "v=spf1 ip4 -all",
        "v=spf1 ip4: -all",
        "v=spf1 ip4:1.2.3.4/ -all",
        "v=spf1 ip4:1.2.3.4//64 -all",
        "v=spf1 ip6:2001:db8::/129 -all",
        "v=spf1 ip6:2001:db8:::1 -all",
        "v=spf1 ip6:1:2:3:4:5:6:7:8:9 -all",
        "v=spf1 ip6:12345:: -all",
        "v=spf1 ip6:1.2.3.4 -all",
        "v=spf1 ip6:::1%eth0 -all",
        "v=spf1 a/33 -all",
        "v=spf1 a//129 -all",
        "v=spf1 mx:example.com/24/ -all",
        "v=spf1 a:example.com/abc -all",
        "v=spf1 a: -all",
        "v=spf1 include -all",
        "v=spf1 include: -all",
        "v=spf1 exists -all",
        "v=spf1 all:foo",
        "v=spf1 -all/24",
        "v=spf1 ptr/24 -all",
        "v=spf1 include:%{z}.example.com -all",
        "v=spf1 include:%{d0}.example.com -all",
        "v=spf1 include:%{c}.example.com -all",
        "v=spf1 exists:%{i -all",
        "v=spf1 exists:%x.example.com -all",
        "v=spf1 exists:%{ir;}.example.com -all",
        "v=spf1 exists:% -all",
        "v=spf1 exists:%{}.example.com -all",
        "v=spf1 a:museum -all",
        "v=spf1 a:museum. -all",
        "v=spf1 a:abc.123 -all",
        "v=spf1 a:111.222.33.444 -all",
        "v=spf1 a:foo.-bar -all",
        "v=spf1 a:foo.bar- -all",
        "v=spf1 include:%{d}com -all",
        "v=spf1 redirect=a.example.com redirect=b.example.com",
        "v=spf1 -all exp=a.example.com exp=b.example.com",
        "v=spf1 redirect= -all",
        "v=spf1 redirect=%{c}.example.com",
        "v=spf1 -all exp=%{r}.example.com",
        "v=spf1 -redirect=a.example.com",
        "v=spf1 + -all",
        "v=spf1 ~ -all",
        "v=spf1 -all\tip4:1.2.3.4",
        "v=spf1 a:ex\u00e4mple.com -all",
        "v=spf1 -all moo.cow/far_out=man:dog/cat ip4:1.2.3.4",
        "v=spf1 -all moo.cow:far_out=man:dog/cat",
        "v=spf1 a:foo-bar -all",
        "v=spf1 a:example.-com -all",
        "v=spf1 ip4:1.2.3.4:8080 -all",
        "v=spf1 ip4:1.2.3.4.5 -all",
        "v=spf1 -all exp=%{x}.example.com",
        "v=spf1 exp=-all",
        "v=spf1 exp= -all",
        "v=spf1 ip6:::1/0129 -all",
        "v=spf1 :foo -all",
        "v=spf1 =foo -all",
        "v=spf1 1x=foo -all",
        "v=spf1 -all moo=%{z}",
        "v=spf10 -all",
        "v=spf1-all",
        "spf1 -all",
        "",
    })
    void malformedRecordsHaveAProblemAndNeverThrow(String text) {
        assertThat(SpfRecord.parse(text).problems()).isNotEmpty();
    }

    @Test
    void aProblemNamesTheTermAndItsPosition() {
        List<String> problems = SpfRecord.parse("v=spf1 a foo:bar -all").problems();
        assertThat(problems).singleElement().asString().contains("term 2 'foo:bar'").contains("character 10")
                .contains("unknown mechanism 'foo'");
    }

    @Test
    void aBadCidrIsNamed() {
        assertThat(SpfRecord.parse("v=spf1 ip4:1.2.3.4/33 -all").problems()).singleElement().asString()
                .contains("term 1 'ip4:1.2.3.4/33'").contains("/33");
    }

    @Test
    void aBadMacroIsNamed() {
        assertThat(SpfRecord.parse("v=spf1 -all exists:%{z}.example.com").problems()).singleElement().asString()
                .contains("term 2").contains("%{z}").contains("unknown macro letter 'z'");
    }

    @Test
    void termsKeepTheirQualifierNameAndDomain() {
        SpfRecord record = SpfRecord.parse("v=spf1 ~Include:_spf.Example.com A:x.example.com/24 ?all");
        assertThat(record.terms()).extracting(SpfTerm::name).containsExactly("include", "a", "all");
        assertThat(record.terms()).extracting(SpfTerm::qualifier).containsExactly('~', '+', '?');
        assertThat(record.terms().get(1).domainSpec()).isEqualTo("x.example.com");
        assertThat(record.all()).map(SpfTerm::qualifier).contains('?');
    }

    @Test
    void onlyDnsTermsCount() {
        SpfRecord record = SpfRecord.parse(
                "v=spf1 ip4:192.0.2.1 include:a.example a mx ptr exists:b.example all redirect=c.example exp=d.example");
        assertThat(record.terms().stream().filter(SpfTerm::queriesDns).count()).isEqualTo(6);
    }

    @Test
    void theVersionIsMatchedWithoutCaseAndMustEndTheWord() {
        assertThat(SpfRecord.isSpf("v=spf1")).isTrue();
        assertThat(SpfRecord.isSpf("V=Spf1 -all")).isTrue();
        assertThat(SpfRecord.isSpf("v=spf10 -all")).isFalse();
        assertThat(SpfRecord.isSpf("v=spf1\t-all")).isFalse();
        assertThat(SpfRecord.isSpf(" v=spf1 -all")).isFalse();
        assertThat(SpfRecord.isSpf(null)).isFalse();
    }

    @Test
    void garbageNeverThrows() {
        java.util.Random random = new java.util.Random(7208);
        String alphabet = "v=spf1 %{}:/.-+~?allincludeipmx0123456789abcdefrt_=,\t\u00e9";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder("v=spf1 ");
            int length = random.nextInt(40);
            for (int k = 0; k < length; k++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThatCode(() -> SpfRecord.parse(text.toString())).as(text.toString()).doesNotThrowAnyException();
        }
    }
}
