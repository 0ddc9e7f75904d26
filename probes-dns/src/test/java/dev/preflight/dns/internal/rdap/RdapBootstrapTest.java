package dev.preflight.dns.internal.rdap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The matching rules of RFC 9224 section 4 and the file's shape of section 3. */
class RdapBootstrapTest {
    private static RdapBootstrap parse(String json) throws MalformedRdapException {
        return RdapBootstrap.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static final String FILE = """
            {"version": "1.0", "publication": "2026-05-28T18:00:01Z", "services": [
              [["uk"], ["https://rdap.nominet.example/uk/"]],
              [["co.uk", "org.uk"], ["http://rdap.plain.example/", "https://rdap.secure.example"]],
              [["COM", "net"], ["https://rdap.verisign.example/com/v1/"]]
            ]}
            """;

    @Test
    void theLongestMatchingSuffixWins() throws Exception {
        RdapBootstrap bootstrap = parse(FILE);

        assertThat(bootstrap.serviceFor("shop.example.co.uk").orElseThrow().entry()).isEqualTo("co.uk");
        assertThat(bootstrap.serviceFor("example.me.uk").orElseThrow().entry()).isEqualTo("uk");
        assertThat(bootstrap.publication()).isEqualTo("2026-05-28T18:00:01Z");
    }

    @Test
    void httpsComesFirstAndBaseUrlsEndInASlash() throws Exception {
        RdapBootstrap.Match match = parse(FILE).serviceFor("example.org.uk").orElseThrow();

        assertThat(match.urls()).containsExactly("https://rdap.secure.example/", "http://rdap.plain.example/");
        assertThat(match.https()).contains("https://rdap.secure.example/");
    }

    @Test
    void entriesMatchWholeLabelsWhateverTheirCase() throws Exception {
        RdapBootstrap bootstrap = parse(FILE);

        assertThat(bootstrap.serviceFor("EXAMPLE.com")).isPresent();
        assertThat(bootstrap.serviceFor("example.dotcom")).isEmpty();
        assertThat(bootstrap.serviceFor("example.org")).isEmpty();
    }

    @Test
    void aFileNotShapedAsRfc9224IsRefused() {
        assertThatThrownBy(() -> parse("{\"services\": {}}")).isInstanceOf(MalformedRdapException.class)
                .hasMessage("the bootstrap file has no 'services' array");
        assertThatThrownBy(() -> parse("{\"services\": [[[\"com\"]]]}"))
                .hasMessage("bootstrap service 0 is not [[entries], [urls]]");
        assertThatThrownBy(() -> parse("{\"services\": [[[\"com\"], [1]]]}"))
                .hasMessageContaining("bootstrap service 0's URLs hold a non-string");
        assertThatThrownBy(() -> parse("{\"services\": []} trailing")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> parse("{\"services\": [], \"services\": []}")).hasMessageContaining("Duplicate field");
    }

    @Test
    void anEmptyRegistryMatchesNothing() throws Exception {
        assertThat(parse("{\"services\": []}").services()).isEqualTo(List.of());
    }
}
