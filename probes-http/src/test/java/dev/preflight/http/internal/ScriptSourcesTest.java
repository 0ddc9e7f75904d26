package dev.preflight.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ScriptSourcesTest {
    private static final URI PAGE = URI.create("https://shop.test/shop/index.html");

    @Test
    void sourcesResolveAgainstThePageInOrderAndOnce() {
        String html = "<script src=\"/static/app.js?v=1&amp;x=2\"></script><SCRIPT type=module SRC='chunk.js'>"
                + "</SCRIPT><script defer src=https://cdn.example/lib.js></script><script src=\"/static/app.js?v=1&x=2\">"
                + "</script><script data-src=\"/lazy.js\">var x;</script><script src=\"data:text/javascript,1\"></script>";

        assertThat(ScriptSources.of(html, PAGE)).containsExactly(URI.create("https://shop.test/static/app.js?v=1&x=2"),
                URI.create("https://shop.test/shop/chunk.js"), URI.create("https://cdn.example/lib.js"));
    }

    @Test
    void inlineScriptsAreTheOnesWithoutSource() {
        String html = "<script src=\"/a.js\">ignored()</script><script>window.API = 'x';</script>"
                + "<script type=\"application/json\">{\"k\":1}</script>";

        assertThat(ScriptSources.inline(html)).contains("window.API = 'x';", "{\"k\":1}").doesNotContain("ignored");
    }

    @Test
    void sameOriginMeansSchemeHostAndPort() {
        assertThat(ScriptSources.sameOrigin(PAGE, URI.create("https://SHOP.test:443/x.js"))).isTrue();
        assertThat(ScriptSources.sameOrigin(PAGE, URI.create("http://shop.test/x.js"))).isFalse();
        assertThat(ScriptSources.sameOrigin(PAGE, URI.create("https://shop.test:8443/x.js"))).isFalse();
        assertThat(ScriptSources.sameOrigin(PAGE, URI.create("https://cdn.shop.test/x.js"))).isFalse();
    }
}
