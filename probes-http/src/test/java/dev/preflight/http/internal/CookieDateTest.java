package dev.preflight.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CookieDateTest {

    @ParameterizedTest
    @ValueSource(strings = {"Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994",
            "06 nov 1994 08:49:37", "Sun, 06-Nov-1994 08:49:37 UTC"})
    void readsTheFormatsServersSend(String text) {
        assertThat(CookieDate.parse(text)).isEqualTo(Instant.parse("1994-11-06T08:49:37Z"));
    }

    @Test
    void twoDigitYearsFollowTheRfc() {
        assertThat(CookieDate.parse("01 Jan 69 00:00:00")).isEqualTo(Instant.parse("2069-01-01T00:00:00Z"));
        assertThat(CookieDate.parse("01 Jan 70 00:00:00")).isEqualTo(Instant.parse("1970-01-01T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tomorrow", "Sun, 06 Nov 1994", "31 Feb 2030 00:00:00", "06 Nov 1994 25:00:00",
            "06 Nov 1500 08:49:37", "00 Nov 1994 08:49:37", "06 Nov 1994 08:61:00"})
    void unreadableDatesAreIgnored(String text) {
        assertThat(CookieDate.parse(text)).isNull();
    }
}
