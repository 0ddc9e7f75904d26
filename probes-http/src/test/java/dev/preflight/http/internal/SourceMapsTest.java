package dev.preflight.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceMapsTest {
    private static final URI SCRIPT = URI.create("https://shop.test/static/app.js?v=3");

    @Test
    void theLastCommentDeclaresTheMap() {
        Page js = page(200, "var a=1;\n//# sourceMappingURL=old.js.map\nvar b;\n//# sourceMappingURL=app.js.map\n");

        assertThat(SourceMaps.declared(js)).contains("app.js.map");
    }

    @Test
    void aHeaderDeclaresTheMapWhenNoCommentDoes() {
        Page js = page(200, "var a=1;", new HeaderField("SourceMap", " /maps/app.js.map"));

        assertThat(SourceMaps.declared(js)).contains("/maps/app.js.map");
        assertThat(SourceMaps.declared(page(200, "var s = '//# sourceMappingURL=' + x;"))).isEmpty();
    }

    @Test
    void theConventionalMapIsTheScriptPathPlusMap() {
        assertThat(SourceMaps.conventional(SCRIPT)).contains(URI.create("https://shop.test/static/app.js.map"));
        assertThat(SourceMaps.conventional(URI.create("https://shop.test/"))).isEmpty();
    }

    @Test
    void aSourceMapIsAJsonObjectWithVersionAndSourcesOrMappings() {
        assertThat(SourceMaps.isSourceMap(page(200, "{\"version\":3,\"sources\":[\"src/App.tsx\"],\"mappings\":\"AAAA\"}")))
                .isTrue();
        assertThat(SourceMaps.isSourceMap(page(200, ")]}'\n{\"version\":3,\"file\":\"app.js\",\"mappings\":\";;AAC"))).isTrue();
        assertThat(SourceMaps.isSourceMap(page(404, "{\"version\":3,\"sources\":[]}"))).isFalse();
        assertThat(SourceMaps.isSourceMap(page(200, "<!doctype html><html>{\"version\":3,\"sources\":[]}"))).isFalse();
    }

    private static Page page(int status, String body, HeaderField... headers) {
        return new Page(PageRequest.get(SCRIPT), InetAddress.getLoopbackAddress(), status, "http/1.1", List.of(headers),
                body.getBytes(StandardCharsets.UTF_8), false, null, Duration.ZERO, Duration.ZERO);
    }
}
