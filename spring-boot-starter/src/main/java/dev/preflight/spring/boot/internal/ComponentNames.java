package dev.preflight.spring.boot.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Health component names for target names. Actuator puts a component's name in the path
 * ({@code /actuator/health/preflight/NAME}) and refuses a {@code /} in it, but targets named after
 * their URL ({@code https://shop.example.com/}) have several.
 */
public final class ComponentNames {
    private ComponentNames() {
    }

    /**
     * @param targetNames distinct target names, in report order
     * @return component name to target name, in the same order: each character other than a letter,
     *     digit, {@code .}, {@code _} or {@code -} becomes {@code -}, and a name taken already gets a
     *     numeric suffix
     */
    public static Map<String, String> of(List<String> targetNames) {
        Map<String, String> byComponent = new LinkedHashMap<>();
        for (String target : targetNames) {
            String base = target.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
            base = base.isEmpty() ? "target" : base;
            String name = base;
            for (int i = 2; byComponent.containsKey(name); i++) {
                name = base + "-" + i;
            }
            byComponent.put(name, target);
        }
        return byComponent;
    }
}
