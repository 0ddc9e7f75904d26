package dev.preflight;

import dev.preflight.support.ProbeIds;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * An accepted exception to a probe: its WARN, FAIL or ERROR still appears in reports, marked waived,
 * but no longer turns the run red. Every waiver needs a reason and an expiry date; from the expiry
 * date on it stops applying, so that accepted risks are looked at again.
 *
 * <pre>{@code
 * Preflight.builder()
 *         .waiver(new Waiver("http.compression", "shop", "BREACH: pages carry secrets", LocalDate.of(2027, 3, 1)))
 * }</pre>
 *
 * @param probe the probe id (or id glob such as {@code http.*}) waived
 * @param target the target name it is limited to, or null for every target
 * @param reason why the risk is accepted
 * @param expires the first day on which the waiver no longer applies
 * @since 0.1
 */
public record Waiver(String probe, String target, String reason, LocalDate expires) {

    /** Checks that probe, reason and expiry are present. */
    public Waiver {
        Objects.requireNonNull(probe, "'probe' must not be null");
        Objects.requireNonNull(expires, "'expires' must not be null");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a waiver needs a reason");
        }
    }

    /**
     * @param probeId a probe id
     * @param targetName a target name
     * @return whether this waiver names that probe on that target (expired or not)
     */
    public boolean covers(String probeId, String targetName) {
        return ProbeIds.matches(probe, probeId) && (target == null || target.equals(targetName));
    }

    /**
     * @param today the current date
     * @return whether the waiver still applies on that date
     */
    public boolean isActive(LocalDate today) {
        return today.isBefore(expires);
    }

    /** @return the target this waiver is limited to, if any */
    public Optional<String> targetName() {
        return Optional.ofNullable(target);
    }
}
