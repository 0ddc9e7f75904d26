package dev.preflight.config.internal;

import dev.preflight.Waiver;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads the {@code waivers:} list. Every waiver names a known probe and has a reason and an expiry date. */
final class WaiverReader {
    private static final List<String> KEYS = List.of("probe", "target", "reason", "expires");

    private WaiverReader() {
    }

    /**
     * @param waivers the {@code waivers:} node
     * @param targetNames the names a waiver may be limited to
     * @return the waivers, in file order
     */
    static List<Waiver> readAll(ConfigNode waivers, Collection<String> targetNames) {
        List<Waiver> out = new ArrayList<>();
        for (ConfigNode item : waivers.list()) {
            ConfigMap m = item.map(KEYS);
            ConfigNode probe = m.require("probe", "a waiver needs the probe it waives: add probe: <id or glob>");
            String glob = probe.string().strip();
            probe.context().probes().checkGlob(probe, glob);
            String target = m.get("target").map(n -> targetName(n, targetNames)).orElse(null);
            String reason = m.require("reason", "a waiver needs a reason: add reason: \"why the risk is accepted\"")
                    .string().strip();
            ConfigNode expires = m.require("expires",
                    "a waiver needs an expiry date: add expires: YYYY-MM-DD, the first day it no longer applies");
            out.add(new Waiver(glob, target, reason, expires.date()));
        }
        return out;
    }

    private static String targetName(ConfigNode node, Collection<String> targetNames) {
        String target = node.string().strip();
        if (!targetNames.contains(target)) {
            String hint = DidYouMean.suggest(target, targetNames);
            throw node.error("no target is named '" + target + "'"
                    + (hint.isEmpty() ? "; use one of the names under targets:" : hint));
        }
        return target;
    }
}
