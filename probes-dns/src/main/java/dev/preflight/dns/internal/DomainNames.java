package dev.preflight.dns.internal;

import dev.preflight.probe.Target;
import java.util.Locale;
import java.util.Optional;

/** The domain a target names, as the DNS probes ask about it. */
public final class DomainNames {

    private DomainNames() {
    }

    /**
     * @param target a target of kind {@code domain}
     * @return its domain, lower case, without a trailing dot; empty when it names none
     */
    public static Optional<String> of(Target target) {
        return target.attribute("domain").map(String::strip).filter(d -> !d.isEmpty())
                .map(d -> d.toLowerCase(Locale.ROOT)).map(d -> d.endsWith(".") ? d.substring(0, d.length() - 1) : d);
    }

    /**
     * @param name a name from a record, possibly absolute ({@code mail.shop.test.})
     * @return it without the trailing dot, lower case
     */
    public static String relative(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") && lower.length() > 1 ? lower.substring(0, lower.length() - 1) : lower;
    }
}
