package dev.preflight.http.internal.assets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.http.internal.HeaderField;
import dev.preflight.http.internal.Page;
import dev.preflight.http.internal.PageRequest;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CacheLifetimeTest {

    @Test
    void maxAgeWinsAndImmutableIsRead() {
        CacheLifetime l = of("Cache-Control", "public, max-age=31536000, immutable", "Expires", "Thu, 01 Jan 1970 00:00:00 GMT");
        assertThat(l.seconds()).contains(31_536_000L);
        assertThat(l.immutable()).isTrue();
        assertThat(of("Cache-Control", "s-maxage=31536000").seconds()).as("shared caches only").isEmpty();
    }

    @Test
    void noCacheNoStoreAndMalformedValuesGrantNothing() {
        assertThat(of("Cache-Control", "no-cache, max-age=31536000").seconds()).contains(0L);
        assertThat(of("Cache-Control", "no-store").seconds()).contains(0L);
        CacheLifetime malformed = of("Cache-Control", "max-age=forever");
        assertThat(malformed.seconds()).contains(0L);
        assertThat(malformed.malformed()).isTrue();
        assertThat(of("Expires", "0").seconds()).contains(0L);
    }

    @Test
    void expiresCountsFromDate() {
        assertThat(of("Date", "Sun, 06 Dec 2026 12:00:00 GMT", "Expires", "Thu, 31 Dec 2037 23:55:55 GMT").seconds())
                .hasValueSatisfying(s -> assertThat(s).isGreaterThan(31_536_000L * 11));
        assertThat(of().seconds()).isEqualTo(Optional.empty());
        assertThat(CacheLifetime.describe(315_360_000L)).isEqualTo("10 years");
        assertThat(CacheLifetime.describe(604_800L)).isEqualTo("7 days");
    }

    private static CacheLifetime of(String... headers) {
        List<HeaderField> fields = new ArrayList<>();
        for (int i = 0; i < headers.length; i += 2) {
            fields.add(new HeaderField(headers[i], headers[i + 1]));
        }
        Page page = new Page(PageRequest.get(URI.create("https://shop.test/a.js")), InetAddress.getLoopbackAddress(),
                200, "http/1.1", fields, new byte[0], false, null, Duration.ZERO, Duration.ZERO);
        return CacheLifetime.of(page);
    }
}
