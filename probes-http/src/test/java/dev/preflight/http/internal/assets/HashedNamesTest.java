package dev.preflight.http.internal.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class HashedNamesTest {

    @Test
    void buildToolHashesAreFingerprints() {
        assertThat(hashed("/static/js/main.3f2a9c1b.js")).as("webpack, CRA").isTrue();
        assertThat(hashed("/assets/index-BQx12fZk.css")).as("Vite").isTrue();
        assertThat(hashed("/static/js/chunk.abc123def.js")).isTrue();
        assertThat(hashed("/_next/static/chunks/pages/_app-1a2b3c4d5e6f7a8b.js")).as("Next.js").isTrue();
        assertThat(hashed("/main.3f2a9c1b4d5e6f7a.js")).as("Angular").isTrue();
        assertThat(hashed("/assets/application-6f1c2b7e9a0d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b.css"))
                .as("Rails digest").isTrue();
        assertThat(hashed("/js/app.js?id=8f2c1e0b7a6d")).as("Laravel Mix query").isTrue();
    }

    @Test
    void versionsAndWordsAreNot() {
        assertThat(hashed("/js/jquery-3.7.1.min.js")).isFalse();
        assertThat(hashed("/js/bootstrap.bundle.min.js")).isFalse();
        assertThat(hashed("/js/polyfills.js")).isFalse();
        assertThat(hashed("/js/ie11shim.js")).isFalse();
        assertThat(hashed("/js/es2015Polyfills.js")).isFalse();
        assertThat(hashed("/app.js")).isFalse();
        assertThat(hashed("/fonts/Inter-Variable.woff2")).isFalse();
        assertThat(hashed("/js/app.js?v=2")).isFalse();
        assertThat(hashed("/css/12345678.css")).as("digits only: a number, not a hash").isFalse();
        assertThat(hashed("/css/deadbeef.css")).as("hex letters only: a word").isFalse();
    }

    private static boolean hashed(String path) {
        return HashedNames.isHashed(URI.create("https://shop.test" + path));
    }
}
