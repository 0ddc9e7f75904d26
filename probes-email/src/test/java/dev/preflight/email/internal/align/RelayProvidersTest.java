package dev.preflight.email.internal.align;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Submission hosts of known relay providers, and their SPF includes and envelope domains. */
class RelayProvidersTest {

    @Test
    void knownSubmissionHostsNameTheirProvidersInclude() {
        assertThat(RelayProviders.forHost("smtp.sendgrid.net").orElseThrow().include()).isEqualTo("sendgrid.net");
        assertThat(RelayProviders.forHost("SMTP.MAILGUN.ORG.").orElseThrow().include()).isEqualTo("mailgun.org");
        assertThat(RelayProviders.forHost("email-smtp.eu-west-1.amazonaws.com").orElseThrow().name())
                .isEqualTo("Amazon SES");
        assertThat(RelayProviders.forHost("smtp-relay.gmail.com").orElseThrow().include()).isEqualTo("_spf.google.com");
    }

    @Test
    void lookAlikeHostsAreNotProviders() {
        assertThat(RelayProviders.forHost("smtp.sendgrid.net.attacker.test")).isEmpty();
        assertThat(RelayProviders.forHost("mail.shop.test")).isEmpty();
        assertThat(RelayProviders.forHost("s3.eu-west-1.amazonaws.com")).isEmpty();
    }

    @Test
    void theEnvelopeDomainFollowsTheProvidersHabit() {
        assertThat(RelayProviders.forHost("smtp.resend.com").orElseThrow().envelopeDomain("shop.test"))
                .isEqualTo("send.shop.test");
        assertThat(RelayProviders.forHost("smtp.office365.com").orElseThrow().envelopeDomain("shop.test"))
                .isEqualTo("shop.test");
        assertThat(RelayProviders.forHost("smtp.postmarkapp.com").orElseThrow().envelope())
                .isEqualTo(RelayProvider.Envelope.PROVIDER);
    }
}
