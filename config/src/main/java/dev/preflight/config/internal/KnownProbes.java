package dev.preflight.config.internal;

import dev.preflight.support.ProbeIds;
import java.util.Collection;
import java.util.List;

/**
 * Checks probe ids, globs and setting keys against the probes on the class path. Knowing no probe
 * turns the checks off, so that a configuration can be loaded without discovery.
 */
public final class KnownProbes {
    private static final String LIST_HINT = " (preflight list shows every probe)";

    private final List<String> ids;

    /** @param ids the probe ids available; empty switches validation off */
    public KnownProbes(Collection<String> ids) {
        this.ids = List.copyOf(ids);
    }

    /** @throws dev.preflight.ConfigException at {@code at} if the glob matches no known probe */
    void checkGlob(ConfigNode at, String glob) {
        if (!ids.isEmpty() && !ProbeIds.matchesAny(glob, ids)) {
            throw at.error("no probe matches '" + glob + "'" + DidYouMean.suggest(glob, ids) + LIST_HINT);
        }
    }

    /** @throws dev.preflight.ConfigException at {@code at} unless the key is {@code <known-probe-id>.<setting>} */
    void checkSettingKey(ConfigNode at, String key) {
        if (ids.isEmpty() || ids.stream().anyMatch(id -> key.startsWith(id + ".") && key.length() > id.length() + 1)) {
            return;
        }
        if (ids.contains(key)) {
            throw at.error("'" + key + "' names a probe but no setting; write " + key + ".<setting>: value");
        }
        int dot = key.lastIndexOf('.');
        String probePart = dot < 0 ? key : key.substring(0, dot);
        String suggestion = ProbeIds.closest(probePart, ids)
                .map(id -> "; did you mean '" + id + key.substring(probePart.length()) + "'?").orElse("");
        throw at.error("'" + key + "' is not a setting of a known probe: settings start with a probe id, as in"
                + " tls.certificate.warn-days" + suggestion + LIST_HINT);
    }
}
