package dev.preflight.http.internal.assets;

import dev.preflight.http.internal.ScriptSources;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The static assets an HTML page loads: its scripts ({@link ScriptSources}), its stylesheets
 * ({@code <link rel="stylesheet">}) and what it preloads ({@code <link rel="preload"} as a font,
 * image, style or script, {@code rel="modulepreload"}), read with patterns, not a DOM.
 */
public final class PageAssets {
    private static final Pattern LINK_TAG = Pattern.compile("(?is)<link\\b([^>]*)>");
    private static final Set<String> PRELOADED = Set.of("font", "image", "style", "script");

    private PageAssets() {
    }

    /**
     * @param html the page
     * @param base the page's URL, against which relative addresses resolve
     * @return every {@code http(s)} asset, absolute, each once: scripts first, then links in page order
     */
    public static List<URI> of(String html, URI base) {
        Set<URI> assets = new LinkedHashSet<>(ScriptSources.of(html, base));
        Matcher tag = LINK_TAG.matcher(html);
        while (tag.find()) {
            String attributes = tag.group(1);
            Set<String> rel = Set.of(attribute(attributes, "rel").orElse("").toLowerCase(Locale.ROOT).split("\\s+"));
            String as = attribute(attributes, "as").orElse("").strip().toLowerCase(Locale.ROOT);
            boolean wanted = rel.contains("stylesheet") || rel.contains("modulepreload")
                    || rel.contains("preload") && PRELOADED.contains(as);
            if (wanted) {
                attribute(attributes, "href").flatMap(href -> resolve(base, href)).ifPresent(assets::add);
            }
        }
        return new ArrayList<>(assets);
    }

    private static Optional<String> attribute(String attributes, String name) {
        Matcher m = Pattern.compile("(?is)(?<![\\w-])" + name + "\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))")
                .matcher(attributes);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
    }

    private static Optional<URI> resolve(URI base, String href) {
        try {
            URI uri = base.resolve(href.strip().replace("&amp;", "&").replace(" ", "%20"));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? Optional.of(uri)
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
