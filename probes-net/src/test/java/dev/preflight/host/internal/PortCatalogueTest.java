package dev.preflight.host.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortCatalogueTest {

    @Test
    void theDefaultsFailDatastoresAndAdminApisAndWarnTheRest() {
        assertThat(PortCatalogue.known(6379)).get().extracting(KnownPort::exposure).isEqualTo(Exposure.CRITICAL);
        assertThat(PortCatalogue.known(2375)).get().extracting(KnownPort::service).isEqualTo("Docker API");
        assertThat(PortCatalogue.known(10250)).get().extracting(KnownPort::exposure).isEqualTo(Exposure.CRITICAL);
        assertThat(PortCatalogue.known(3389)).get().extracting(KnownPort::exposure).isEqualTo(Exposure.UNEXPECTED);
        assertThat(PortCatalogue.known(443)).isEmpty();
    }

    @Test
    void noPortIsListedTwice() {
        Set<Integer> seen = new HashSet<>();
        PortCatalogue.defaults().forEach(k -> assertThat(seen.add(k.port())).as("port %d", k.port()).isTrue());
    }

    @Test
    void aNamedEntryTakesTheSeverityOfTheServiceItNames() {
        assertThat(PortCatalogue.parse("6380:redis")).isEqualTo(new KnownPort(6380, "Redis", Exposure.CRITICAL));
        assertThat(PortCatalogue.parse("15432:Postgres")).isEqualTo(new KnownPort(15432, "PostgreSQL", Exposure.CRITICAL));
        assertThat(PortCatalogue.parse("8081:adminer")).isEqualTo(new KnownPort(8081, "adminer", Exposure.UNEXPECTED));
        assertThat(PortCatalogue.parse("3306").service()).isEqualTo("MySQL");
        assertThat(PortCatalogue.parse("4000").service()).isEqualTo("an unknown service");
    }

    @Test
    void malformedEntriesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> PortCatalogue.parse("0")).hasMessageContaining("from 1 to 65535");
        assertThatThrownBy(() -> PortCatalogue.parse("redis:6379")).hasMessageContaining("'redis' is not a port");
        assertThatThrownBy(() -> PortCatalogue.parse("6380:")).hasMessageContaining("names no service");
    }
}
