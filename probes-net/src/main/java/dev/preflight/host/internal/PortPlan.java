package dev.preflight.host.internal;

import dev.preflight.probe.ProbeSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to try, read from the probe's settings: the ports that are judged, the ports expected to be
 * open (tried too, for the record), and how long a silent port is waited for.
 *
 * @param judged catalogue ports not expected, by port number
 * @param expected ports meant to accept connections
 * @param limit the most one attempt waits
 */
public record PortPlan(Map<Integer, KnownPort> judged, Set<Integer> expected, Duration limit) {
    /** SSH and the web: what a web server is expected to answer on. */
    public static final List<Integer> DEFAULT_EXPECTED = List.of(22, 80, 443);
    /** Long enough for a round trip across the world, short enough for ~40 ports in a few rounds. */
    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(2);

    /**
     * @param settings the probe's settings: {@code expected}, {@code ports}, {@code extra-ports},
     *     {@code connect-timeout}
     * @param alsoExpected ports the target itself implies, e.g. its URL's port
     * @return the plan
     * @throws dev.preflight.probe.InvalidSettingException naming the setting that does not parse
     */
    public static PortPlan read(ProbeSettings settings, List<Integer> alsoExpected) {
        Set<Integer> expected = new LinkedHashSet<>();
        List<String> listed = settings.list("expected");
        if (settings.string("expected").isPresent()) {
            listed.forEach(p -> expected.add(port(settings, "expected", p)));
        } else {
            expected.addAll(DEFAULT_EXPECTED);
        }
        expected.addAll(alsoExpected);
        List<KnownPort> catalogue = new ArrayList<>();
        if (settings.string("ports").isPresent()) {
            settings.list("ports").forEach(e -> catalogue.add(entry(settings, "ports", e)));
        } else {
            catalogue.addAll(PortCatalogue.defaults());
        }
        settings.list("extra-ports").forEach(e -> catalogue.add(entry(settings, "extra-ports", e)));
        Map<Integer, KnownPort> judged = new LinkedHashMap<>();
        // A later entry names the port better than the catalogue's default ("6379:valkey").
        catalogue.stream().filter(k -> !expected.contains(k.port())).forEach(k -> judged.put(k.port(), k));
        Duration limit = settings.duration("connect-timeout", DEFAULT_LIMIT);
        if (limit.isZero() || limit.isNegative()) {
            throw settings.invalid("connect-timeout", "must be positive, e.g. 2s");
        }
        return new PortPlan(Collections.unmodifiableMap(judged), Collections.unmodifiableSet(expected), limit);
    }

    /** @return every port to try: the judged ones, then the expected ones */
    public List<Integer> ports() {
        Set<Integer> all = new LinkedHashSet<>(judged.keySet());
        all.addAll(expected);
        return List.copyOf(all);
    }

    private static int port(ProbeSettings settings, String key, String text) {
        try {
            return PortCatalogue.portNumber(text);
        } catch (IllegalArgumentException e) {
            throw settings.invalid(key, e.getMessage());
        }
    }

    private static KnownPort entry(ProbeSettings settings, String key, String text) {
        try {
            return PortCatalogue.parse(text);
        } catch (IllegalArgumentException e) {
            throw settings.invalid(key, e.getMessage() + "; write port or port:service, e.g. 6380:redis");
        }
    }
}
