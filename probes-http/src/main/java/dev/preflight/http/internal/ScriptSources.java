package dev.preflight.http.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The scripts an HTML page loads and its inline script text, read with patterns, not a DOM. */
public final class ScriptSources {
    private static final Pattern SCRIPT_TAG = Pattern.compile("(?is)<script\\b([^>]*)>");
    private static final Pattern SRC = Pattern.compile(
            "(?is)(?<![\\w-])src\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+))");
    private static final Pattern INLINE = Pattern.compile("(?is)<script\\b([^>]*)>(.*?)</script\\s*>");

    private ScriptSources() {
    }

    /**
     * @param html the page
     * @param base the page's URL, against which relative sources resolve
     * @return every {@code http(s)} script source, absolute, each once, in page order
     */
    public static List<URI> of(String html, URI base) {
        Set<URI> sources = new LinkedHashSet<>();
        Matcher tag = SCRIPT_TAG.matcher(html);
        while (tag.find()) {
            Matcher src = SRC.matcher(tag.group(1));
            if (!src.find()) {
                continue;
            }
            String value = src.group(1) != null ? src.group(1) : src.group(2) != null ? src.group(2) : src.group(3);
            value = value.strip().replace("&amp;", "&");
            try {
                URI uri = base.resolve(value.replace(" ", "%20"));
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    sources.add(uri);
                }
            } catch (IllegalArgumentException e) {
                // Not a URL a browser could load either.
            }
        }
        return new ArrayList<>(sources);
    }

    /**
     * @param html the page
     * @return the text of its inline scripts, joined
     */
    public static String inline(String html) {
        StringBuilder out = new StringBuilder();
        Matcher m = INLINE.matcher(html);
        while (m.find()) {
            if (!SRC.matcher(m.group(1)).find()) {
                out.append(m.group(2)).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * @param a a URL
     * @param b another
     * @return whether both have the same scheme, host and port
     */
    public static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && b.getScheme() != null && a.getHost() != null && b.getHost() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && Site.port(a) == Site.port(b);
    }
}
