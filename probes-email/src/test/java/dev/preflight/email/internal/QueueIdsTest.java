package dev.preflight.email.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Queue ids in the acceptance replies of common servers (shapes restated, ids invented). */
class QueueIdsTest {

    @Test
    void findsTheIdInEachServersShape() {
        assertThat(QueueIds.of("250 2.0.0 Ok: queued as 4F2C1")).contains("4F2C1");
        assertThat(QueueIds.of("250 OK id=1rA2bC-000123-4D")).contains("1rA2bC-000123-4D");
        assertThat(QueueIds.of("250 2.0.0 3B4C5D6E012345 Message accepted for delivery")).contains("3B4C5D6E012345");
        assertThat(QueueIds.of("250 2.0.0 OK  1733480000 af79cd13-20020a.123 - gsmtp")).contains("af79cd13-20020a.123");
        assertThat(QueueIds.of("250 2.6.0 <a1b2@mail.shop.example> [InternalId=123, Hostname=X] Queued mail for"
                + " delivery")).contains("a1b2@mail.shop.example");
        assertThat(QueueIds.of("250 Ok 0100018c5f7e5a2b-1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d-000000"))
                .contains("0100018c5f7e5a2b-1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d-000000");
        assertThat(QueueIds.of("250 2.0.0 Ok: queued as 4F2C1\n")).contains("4F2C1");
    }

    @Test
    void aReplyWithoutOneHasNone() {
        assertThat(QueueIds.of("250 Great success")).isEmpty();
        assertThat(QueueIds.of("250 OK")).isEmpty();
        assertThat(QueueIds.of("")).isEmpty();
    }
}
