package dev.preflight.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventCoverageTest {

    @Test
    void wildcardCoversTypesAndPatterns() {
        assertThat(EventCoverage.missing(List.of("invoice.paid", "customer.subscription.*"), List.of("*"))).isEmpty();
    }

    @Test
    void enabledPatternCoversItsFamilyOnly() {
        assertThat(EventCoverage.missing(List.of("customer.subscription.deleted", "customer.created", "invoice.paid"),
                List.of("customer.subscription.*"))).containsExactly("customer.created", "invoice.paid");
    }

    @Test
    void broaderEnabledPatternCoversANarrowerRequiredOne() {
        assertThat(EventCoverage.missing(List.of("customer.subscription.*"), List.of("customer.*"))).isEmpty();
        assertThat(EventCoverage.missing(List.of("customer.*"), List.of("invoice.*"))).containsExactly("customer.*");
    }

    @Test
    void familyPrefixMustEndAtADot() {
        // charge.dispute.* is not charge.disputes.created's family, nor is invoice.paid an invoiceitem event.
        assertThat(EventCoverage.missing(List.of("charge.dispute.*", "invoiceitem.created"),
                List.of("charge.disputes.created", "invoice.*"))).containsExactly("charge.dispute.*", "invoiceitem.created");
    }
}
