package dev.preflight.http.internal.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PageAssetsTest {
    private static final URI BASE = URI.create("https://shop.test/shop/");

    @Test
    void scriptsStylesheetsAndPreloadsAreFoundOnceEach() {
        String html = "<head><link rel=\"stylesheet\" href=\"/assets/index-BQx12fZk.css\">"
                + "<link rel='preload' as='font' href='/fonts/inter.3f2a9c1b.woff2' crossorigin>"
                + "<link rel=modulepreload href=vendor-Dk3x9QaB.js>"
                + "<link rel=\"preload\" as=\"fetch\" href=\"/api/me\">"
                + "<link rel=\"icon\" href=\"/favicon.ico\"><link rel=\"canonical\" href=\"https://shop.test/\">"
                + "<script src=\"/assets/index-Ck2p8RtZ.js\"></script>"
                + "<link rel=\"stylesheet\" href=\"/assets/index-BQx12fZk.css\"></head>";

        assertThat(PageAssets.of(html, BASE)).extracting(URI::toString).containsExactly(
                "https://shop.test/assets/index-Ck2p8RtZ.js", "https://shop.test/assets/index-BQx12fZk.css",
                "https://shop.test/fonts/inter.3f2a9c1b.woff2", "https://shop.test/shop/vendor-Dk3x9QaB.js");
    }

    @Test
    void malformedAndNonWebLinksAreIgnored() {
        String html = "<link rel=stylesheet href=\"javascript:alert(1)\"><link rel=stylesheet href=\"http://[bad\">"
                + "<link rel=stylesheet><link href=\"/x.css\" rel=\"alternate stylesheet\">";

        assertThat(PageAssets.of(html, BASE)).extracting(URI::toString).containsExactly("https://shop.test/x.css");
    }
}
