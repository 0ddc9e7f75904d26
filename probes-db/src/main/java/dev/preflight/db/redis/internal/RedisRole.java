package dev.preflight.db.redis.internal;

import dev.preflight.probe.ProbeContext;
import java.util.Locale;
import java.util.Optional;

/**
 * What the target holds: a cache that can be rebuilt (the default, as most Redis deployments are) or
 * a store of data that must survive a restart (sessions, queues, the primary copy of anything). Read
 * from the probe's {@code role} setting, else from the target's {@code role} attribute.
 */
public enum RedisRole {
    /** Data that can be rebuilt: losing it costs time, not data. */
    CACHE,
    /** Data kept nowhere else. */
    STORE;

    /**
     * @param context the check's context
     * @return the role the target declares, {@link #CACHE} when it declares none
     * @throws dev.preflight.probe.InvalidSettingException for a value other than cache or store
     */
    public static RedisRole of(ProbeContext context) {
        Optional<String> setting = context.settings().string("role");
        String value = setting.or(() -> context.target().attribute("role")).orElse("cache")
                .strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "cache" -> CACHE;
            case "store" -> STORE;
            default -> throw context.settings().invalid("role", "must be cache or store");
        };
    }

    /** @return {@code cache} or {@code store} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
