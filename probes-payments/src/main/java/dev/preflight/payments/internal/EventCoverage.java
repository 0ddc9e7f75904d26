package dev.preflight.payments.internal;

import java.util.List;

/**
 * Which required event types an endpoint's {@code enabled_events} leave out. Both lists may hold
 * exact types ({@code invoice.paid}), family patterns ({@code customer.subscription.*}) and the
 * wildcard {@code *}, which Stripe documents as every event (https://docs.stripe.com/api/webhook_endpoints/object).
 * <ul>
 * <li>An enabled {@code *} covers everything; an enabled {@code a.b.*} covers every type and pattern
 *     under {@code a.b.}.</li>
 * <li>A required pattern is also covered by any enabled type or pattern in its family: Stripe's Dashboard
 *     stores a selected family as its exact types, whose full list Preflight does not keep.</li>
 * </ul>
 */
public final class EventCoverage {
    private EventCoverage() {
    }

    /**
     * @param required the event types the application needs, in order
     * @param enabled the endpoint's enabled events
     * @return the required entries no enabled entry covers, in order
     */
    public static List<String> missing(List<String> required, List<String> enabled) {
        return required.stream().filter(r -> enabled.stream().noneMatch(e -> covers(e, r))).toList();
    }

    static boolean covers(String enabled, String required) {
        if (enabled.equals("*") || enabled.equals(required)) {
            return true;
        }
        if (isPattern(enabled) && required.startsWith(family(enabled))) {
            return true;
        }
        return isPattern(required) && enabled.startsWith(family(required));
    }

    private static boolean isPattern(String type) {
        return type.endsWith(".*");
    }

    /** {@code customer.subscription.*} → {@code customer.subscription.} */
    private static String family(String pattern) {
        return pattern.substring(0, pattern.length() - 1);
    }
}
