package dev.preflight.http.internal.paths;

import dev.preflight.http.internal.Site;
import dev.preflight.http.internal.SitePaths;
import dev.preflight.support.Templates;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * A probe's {@code paths} setting when the probe has nothing to check without it: missing, or still
 * holding the template values of a sample file ({@code /YOUR_ADMIN_PATH/},
 * {@code https://your-domain.com/admin}), is a reason to skip; otherwise each entry must be a path on
 * the site.
 */
public final class ConfiguredPaths {

    private ConfiguredPaths() {
    }

    /**
     * @param site the site
     * @param probeId the probe's id, to name the setting in full
     * @param key the setting, relative to the probe, e.g. {@code paths}
     * @param example a sample value for the reason, e.g. {@code /admin/, /api/v1/orders/}
     * @return why the probe must skip (no paths, or a template among them), naming the setting; empty when the
     *     setting lists real paths
     */
    public static Optional<String> skipReason(Site site, String probeId, String key, String example) {
        String full = probeId + "." + key;
        List<String> listed = site.context().settings().list(key);
        if (listed.isEmpty()) {
            return Optional.of("no paths to check: set " + full + " to the paths, e.g. " + example);
        }
        for (String path : listed) {
            Optional<String> template = Templates.reason(path);
            if (template.isPresent()) {
                return Optional.of(full + " still holds a template value (one entry " + template.get()
                        + "): replace it with the real paths, e.g. " + example);
            }
        }
        return Optional.empty();
    }

    /**
     * @param site the site
     * @param key the setting, relative to the probe
     * @param max the most paths accepted
     * @return the URLs, each once, in order
     * @throws dev.preflight.probe.InvalidSettingException naming the setting, for an entry not on the site or too many
     */
    public static List<URI> read(Site site, String key, int max) {
        List<URI> urls = List.copyOf(new LinkedHashSet<>(SitePaths.listed(site, key)));
        if (urls.size() > max) {
            throw site.context().settings().invalid(key, "lists " + urls.size() + " paths; at most " + max
                    + " are asked");
        }
        return urls;
    }
}
