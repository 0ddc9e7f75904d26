package dev.preflight.email.internal.align;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** From addresses as applications write them, and values that hold none. */
class FromAddressTest {

    @Test
    void aDisplayNameAndAngleBracketsAreReadAsTheAddress() {
        FromAddress from = FromAddress.parse("  \"Shop, Inc.\" <No-Reply@Shop.Example.> ").orElseThrow();

        assertThat(from.address()).isEqualTo("No-Reply@shop.example");
        assertThat(from.domain()).isEqualTo("shop.example");
        assertThat(from.written()).isEqualTo("\"Shop, Inc.\" <No-Reply@Shop.Example.>");
    }

    @Test
    void aBareAddressIsItsOwnAddress() {
        assertThat(FromAddress.parse("orders@mail.shop.co.uk").orElseThrow().domain()).isEqualTo("mail.shop.co.uk");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Shop", "no-reply@", "@shop.example", "no-reply@localhost", "a@shop..example",
            "a@-shop.example", "Shop <no-reply>", "no reply@shop.example", "a@shop.example/x"})
    void valuesWithoutAnAddressAtAValidDomainAreNone(String written) {
        assertThat(FromAddress.parse(written)).as(written).isEmpty();
    }
}
