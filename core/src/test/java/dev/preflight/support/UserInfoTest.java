package dev.preflight.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Secret;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Credentials in URLs as drivers and mail clients read them. */
class UserInfoTest {

    @Test
    void nameAndPasswordArePercentDecodedButAPlusStaysAPlus() {
        UserInfo info = UserInfo.of(URI.create("smtp://apikey:p%40ss+word%3A1@smtp.example.net:587")).orElseThrow();

        assertThat(info.name()).isEqualTo("apikey");
        assertThat(info.password()).contains(Secret.of("p@ss+word:1"));
        assertThat(info.toString()).doesNotContain("p@ss");
    }

    @Test
    void aLoneNameHasNoPasswordAndAnEmptyNameIsKeptForTheSchemeToRead() {
        assertThat(UserInfo.of(URI.create("redis://s3cret@cache:6379")).orElseThrow().password()).isEmpty();
        UserInfo emptyName = UserInfo.of(URI.create("redis://:s3cret@cache:6379")).orElseThrow();
        assertThat(emptyName.nonEmptyName()).isEmpty();
        assertThat(emptyName.nonEmptyPassword()).contains(Secret.of("s3cret"));
        assertThat(UserInfo.of(URI.create("smtp://smtp.example.net"))).isEmpty();
    }

    @Test
    void anIpv6HostLosesItsBrackets() {
        assertThat(UserInfo.host(URI.create("smtp://[2001:db8::25]:587"))).isEqualTo("2001:db8::25");
        assertThat(UserInfo.host(URI.create("smtp://mail.example.net"))).isEqualTo("mail.example.net");
    }
}
