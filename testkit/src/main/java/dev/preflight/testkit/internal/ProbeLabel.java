package dev.preflight.testkit.internal;

import dev.preflight.probe.Probe;

/** How the contract names a probe in test names and messages, even one whose id is broken. */
public final class ProbeLabel {

    private ProbeLabel() {
    }

    /**
     * @param probe a probe
     * @return its id, or its class's simple name when the id is blank or cannot be read
     */
    public static String of(Probe probe) {
        String id;
        try {
            id = probe.id();
        } catch (RuntimeException e) {
            id = null;
        }
        return id == null || id.isBlank() ? probe.getClass().getSimpleName() + " (no id)" : id;
    }
}
