package dev.preflight.payments.internal;

import dev.preflight.probe.ProbeContext;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Stripe event types a webhook endpoint must receive: the target attribute
 * {@code required-events} (a comma list) when set, otherwise the default set of the probe's setting
 * {@code profile}. Every name is in Stripe's event list (https://docs.stripe.com/api/events/types).
 *
 * @param events the event types or patterns, without duplicates, in order
 * @param source where they came from, e.g. {@code required-events} or {@code profile payments}
 */
public record RequiredEvents(List<String> events, String source) {
    /** The target attribute that lists the events explicitly. */
    public static final String ATTRIBUTE = "required-events";
    /** The setting, relative to the probe id, that picks default sets. */
    public static final String PROFILE = "profile";

    /** One-off payments through Checkout or Payment Intents, refunds and disputes. */
    public static final List<String> PAYMENTS = List.of("checkout.session.completed",
            "checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed",
            "payment_intent.succeeded", "payment_intent.payment_failed", "charge.refunded", "charge.dispute.created");
    /** Subscriptions: their life cycle, invoices paid or failed, and the Checkout that starts them. */
    public static final List<String> SUBSCRIPTIONS = List.of("customer.subscription.created",
            "customer.subscription.updated", "customer.subscription.deleted", "invoice.paid",
            "invoice.payment_succeeded", "invoice.payment_failed", "invoice.payment_action_required",
            "checkout.session.completed");

    /**
     * @param context the check, for the target attribute and the probe's settings
     * @return the required events
     * @throws dev.preflight.probe.InvalidSettingException when {@code profile} names an unknown set
     */
    public static RequiredEvents of(ProbeContext context) {
        List<String> listed = context.target().attribute(ATTRIBUTE).stream()
                .flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (!listed.isEmpty()) {
            return new RequiredEvents(List.copyOf(new LinkedHashSet<>(listed)), ATTRIBUTE);
        }
        List<String> profiles = context.settings().list(PROFILE);
        if (profiles.isEmpty()) {
            profiles = List.of("payments");
        }
        Set<String> events = new LinkedHashSet<>();
        for (String profile : profiles) {
            switch (profile) {
                case "payments" -> events.addAll(PAYMENTS);
                case "subscriptions" -> events.addAll(SUBSCRIPTIONS);
                default -> throw context.settings().invalid(PROFILE,
                        "must be payments, subscriptions or payments,subscriptions");
            }
        }
        return new RequiredEvents(List.copyOf(events), PROFILE + " " + String.join(",", profiles));
    }
}
