package dev.preflight.dns.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Macro expansion against the worked examples of RFC 7208 7.4 and the rules of 7.3. */
class SpfMacrosTest {
    private static final String SENDER = "strong-bad@email.example.com";
    private static final String DOMAIN = "email.example.com";

    private final List<String> askedForP = new ArrayList<>();

    private SpfMacros macros(String ip) throws IOException {
        return new SpfMacros(SENDER, InetAddress.getByName(ip), "mx.helo.example.org", domain -> {
            askedForP.add(domain);
            return "mail.email.example.com";
        });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "%{s}                               | strong-bad@email.example.com",
        "%{o}                               | email.example.com",
        "%{d}                               | email.example.com",
        "%{d4}                              | email.example.com",
        "%{d3}                              | email.example.com",
        "%{d2}                              | example.com",
        "%{d1}                              | com",
        "%{dr}                              | com.example.email",
        "%{d2r}                             | example.email",
        "%{l}                               | strong-bad",
        "%{l-}                              | strong.bad",
        "%{lr}                              | strong-bad",
        "%{lr-}                             | bad.strong",
        "%{l1r-}                            | strong",
        "%{ir}.%{v}._spf.%{d2}              | 3.2.0.192.in-addr._spf.example.com",
        "%{lr-}.lp._spf.%{d2}               | bad.strong.lp._spf.example.com",
        "%{lr-}.lp.%{ir}.%{v}._spf.%{d2}    | bad.strong.lp.3.2.0.192.in-addr._spf.example.com",
        "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}   | 3.2.0.192.in-addr.strong.lp._spf.example.com",
        "%{d2}.trusted-domains.example.net  | example.com.trusted-domains.example.net",
        "%{i}.%{h}                          | 192.0.2.3.mx.helo.example.org",
        "%{p}.ok                            | mail.email.example.com.ok",
    })
    void expandsTheExamplesOfRfc7208ForIpv4(String spec, String expected) throws IOException {
        assertThat(macros("192.0.2.3").expand(spec, DOMAIN)).isEqualTo(expected);
    }

    @Test
    void expandsIpv6AsDottedNibbles() throws IOException {
        assertThat(macros("2001:db8::cb01").expand("%{ir}.%{v}._spf.%{d2}", DOMAIN))
                .isEqualTo("1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com");
    }

    @Test
    void splitsOnEveryDelimiterGivenAndKeepsTheRightHandParts() throws IOException {
        SpfMacros m = new SpfMacros("foo-bar+zip+quux@e12.example.com", InetAddress.getByName("192.0.2.3"), "h",
                d -> "unknown");
        assertThat(m.expand("%{l2r+-}.user.%{d2}", "e12.example.com")).isEqualTo("bar.foo.user.example.com");
        assertThat(m.expand("%{l+}", "e12.example.com")).isEqualTo("foo-bar.zip.quux");
    }

    @Test
    void escapesPercentSpaceAndUrlSpace() throws IOException {
        assertThat(macros("192.0.2.3").expand("macro%%percent%_%_space%-url-space.example.com", DOMAIN))
                .isEqualTo("macro%percent  space%20url-space.example.com");
    }

    @Test
    void upperCaseLettersAreUrlEscapedAfterExpansion() throws IOException {
        SpfMacros m = new SpfMacros("~jack&jill=up-a_b3.c@e8.example.com", InetAddress.getByName("192.0.2.3"),
                "JUMPIN' JUPITER", d -> "unknown");
        assertThat(m.expand("l=%{L}", "e8.example.com")).isEqualTo("l=~jack%26jill%3Dup-a_b3.c");
        assertThat(m.expand("%{H}", "e8.example.com")).isEqualTo("JUMPIN%27%20JUPITER");
        assertThat(m.expand("%{D2}", "e8.example.com")).isEqualTo("example.com");
    }

    @Test
    void aDomainLosesItsTrailingDotAndIsCutFromTheLeftTo253Characters() throws IOException {
        SpfMacros m = macros("192.0.2.3");
        assertThat(m.domain("%{d}.d.spf.example.com.", "example.com")).isEqualTo("example.com.d.spf.example.com");

        String spec = "foobar" + ".%{o}".repeat(20) + ".example.com";
        String name = m.domain(spec, DOMAIN);

        assertThat(name).hasSizeLessThanOrEqualTo(253).endsWith(".email.example.com.example.com")
                .doesNotStartWith(".").doesNotStartWith("foobar");
        // Only whole labels are dropped: what is left is the tail of the full expansion.
        assertThat(m.expand(spec, DOMAIN)).endsWith("." + name);
    }

    @Test
    void pIsAskedOnlyWhenUsedAndForTheCurrentDomain() throws IOException {
        SpfMacros m = macros("192.0.2.3");
        m.expand("%{d2}.%{ir}", DOMAIN);
        assertThat(askedForP).isEmpty();

        m.expand("%{p2}", "other.example.net");
        assertThat(askedForP).containsExactly("other.example.net");
        assertThat(m.expand("%{p2}", DOMAIN)).isEqualTo("example.com");
    }
}
