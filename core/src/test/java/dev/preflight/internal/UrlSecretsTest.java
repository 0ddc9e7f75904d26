package dev.preflight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlSecretsTest {

    @Test
    void aPasswordYieldsItsRawAndDecodedFormsAndTheUserPasswordPair() {
        assertThat(UrlSecrets.of("https://shop:Qv8s%40Lm@db.example.com/x"))
                .containsExactlyInAnyOrder("Qv8s%40Lm", "Qv8s@Lm", "shop:Qv8s%40Lm", "shop:Qv8s@Lm");
    }

    @Test
    void secretLookingAndTokenLikeQueryAndFragmentValuesAreSecrets() {
        assertThat(UrlSecrets.of("https://h.example.com/?api_key=k3yK3yK3y&lang=en&page=home"
                + "&ref=a1b2c3d4e5f6g7h8i9#access_token=t0kenT0ken&state=xyz"))
                .containsExactlyInAnyOrder("k3yK3yK3y", "a1b2c3d4e5f6g7h8i9", "t0kenT0ken");
        assertThat(UrlSecrets.of("https://s3.example.com/o?X-Amz-Signature=abcdef0123")).contains("abcdef0123");
    }

    @Test
    void aMalformedUrlStillYieldsItsPassword() {
        assertThat(UrlSecrets.of("postgresql://shop:two words@db/shop")).contains("two words", "shop:two words");
        assertThat(UrlSecrets.of("postgresql://shop:pa/ss@db/shop")).contains("pa/ss");
    }

    @Test
    void aTokenUserNameIsASecretAndAnAccountNameIsNot() {
        assertThat(UrlSecrets.of("https://0123456789abcdef@o1.ingest.sentry.io/1")).contains("0123456789abcdef");
        assertThat(UrlSecrets.of("https://shop@db.example.com/")).isEmpty();
        assertThat(UrlSecrets.of("not a url")).isEmpty();
    }
}
