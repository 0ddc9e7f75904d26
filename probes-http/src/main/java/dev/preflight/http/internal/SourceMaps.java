package dev.preflight.http.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a script's source map is, and whether an answer is one: a JSON object with a
 * {@code "version"} and {@code "sources"} or {@code "mappings"} (webpack writes the mappings before
 * the sources, so a capped body may hold only the first).
 */
public final class SourceMaps {
    private static final Pattern COMMENT = Pattern.compile(
            "(?m)^[ \\t]*//[#@][ \\t]*sourceMappingURL=([^\\s'\"]+)[ \\t]*$");
    /** A prefix some servers put before JSON against cross-site script inclusion. */
    private static final String XSSI = ")]}'";

    private SourceMaps() {
    }

    /**
     * @param script a script's answer
     * @return the map it declares by its last {@code sourceMappingURL} comment or a {@code SourceMap}
     *     header, as written (may be a {@code data:} URL or relative)
     */
    public static Optional<String> declared(Page script) {
        Matcher m = COMMENT.matcher(script.text());
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        if (last != null) {
            return Optional.of(last);
        }
        return script.header("SourceMap").or(() -> script.header("X-SourceMap")).map(String::strip);
    }

    /**
     * @param script the script's URL
     * @return where a map sits by convention: the script's path plus {@code .map}, without query
     */
    public static Optional<URI> conventional(URI script) {
        if (script.getRawPath() == null || script.getRawPath().isEmpty() || script.getRawPath().endsWith("/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(script.getScheme() + "://" + script.getRawAuthority() + script.getRawPath()
                    + ".map"));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * @param page an answer
     * @return whether it is a source map anyone can read
     */
    public static boolean isSourceMap(Page page) {
        if (page.status() < 200 || page.status() >= 300) {
            return false;
        }
        String text = page.text().strip();
        if (text.startsWith(XSSI)) {
            text = text.substring(XSSI.length()).strip();
        }
        return text.startsWith("{") && text.contains("\"version\"")
                && (text.contains("\"sources\"") || text.contains("\"mappings\""));
    }
}
