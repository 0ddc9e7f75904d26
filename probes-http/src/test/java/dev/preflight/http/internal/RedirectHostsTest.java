package dev.preflight.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedirectHostsTest {

    @Test
    void sameHostWwwVariantsAndListedHostsAreAccepted() {
        RedirectHosts hosts = new RedirectHosts("shop.test", List.of("Login.Example.COM"));

        assertThat(hosts.accepts("SHOP.test.")).contains("same host");
        assertThat(hosts.accepts("www.shop.test")).contains("www variant");
        assertThat(hosts.accepts("login.example.com")).contains("allowed host");
        assertThat(new RedirectHosts("www.shop.test", List.of()).accepts("shop.test")).contains("www variant");
    }

    @Test
    void anythingElseIsAnotherSite() {
        RedirectHosts hosts = new RedirectHosts("shop.test", List.of());

        assertThat(hosts.accepts("evil.test")).isEmpty();
        assertThat(hosts.accepts("shop.test.evil.test")).isEmpty();
        assertThat(hosts.accepts("www.www.shop.test")).isEmpty();
        assertThat(hosts.accepts("api.shop.test")).isEmpty();
        assertThat(new RedirectHosts("www.shop.test", List.of()).accepts("www.www.shop.test")).isEmpty();
    }
}
