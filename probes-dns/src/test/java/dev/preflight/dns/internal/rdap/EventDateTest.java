package dev.preflight.dns.internal.rdap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 3339 event dates, and the near-misses registries send. */
class EventDateTest {
    private static Instant parse(String text) throws MalformedRdapException {
        return EventDate.parse("expiration", JsonNodeFactory.instance.textNode(text)).instant();
    }

    @Test
    void rfc3339FormsParse() throws Exception {
        assertThat(parse("2028-09-14T04:00:00Z")).isEqualTo(Instant.parse("2028-09-14T04:00:00Z"));
        assertThat(parse("2028-09-14T04:00:00.123Z")).isEqualTo(Instant.parse("2028-09-14T04:00:00.123Z"));
        assertThat(parse("2028-09-14T06:00:00+02:00")).isEqualTo(Instant.parse("2028-09-14T04:00:00Z"));
        assertThat(parse("2028-09-14t04:00:00z")).isEqualTo(Instant.parse("2028-09-14T04:00:00Z"));
    }

    @Test
    void aDateWithoutOffsetIsReadAsUtc() throws Exception {
        assertThat(parse("2028-09-14T04:00:00")).isEqualTo(Instant.parse("2028-09-14T04:00:00Z"));
        assertThat(parse("2028-09-14")).isEqualTo(Instant.parse("2028-09-14T00:00:00Z"));
    }

    @Test
    void anythingElseIsMalformed() {
        assertThatThrownBy(() -> parse("14/09/2028")).isInstanceOf(MalformedRdapException.class)
                .hasMessage("the eventDate of 'expiration' is not an RFC 3339 date: '14/09/2028'");
        assertThatThrownBy(() -> EventDate.parse("expiration", JsonNodeFactory.instance.numberNode(1700000000)))
                .hasMessage("the 'expiration' event has no eventDate string");
    }
}
