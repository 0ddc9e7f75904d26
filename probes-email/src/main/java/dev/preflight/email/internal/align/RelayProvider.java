package dev.preflight.email.internal.align;

import java.util.Optional;

/**
 * A mail relay whose outbound addresses are not its submission host's: the SPF include domain it
 * documents for its customers, and which envelope (MAIL FROM) domain it sends with by default, which
 * decides whether SPF can align with the From domain (RFC 7489 3.1.2). Immutable.
 *
 * @param name what users call it, e.g. {@code SendGrid}
 * @param include the domain its customers include in their SPF record, e.g. {@code sendgrid.net}
 * @param envelope the envelope domain it sends with unless told otherwise
 * @param envelopeLabel for {@link Envelope#SUBDOMAIN}, the label before the From domain, e.g. {@code send}
 */
public record RelayProvider(String name, String include, Envelope envelope, Optional<String> envelopeLabel) {

    /** The envelope (MAIL FROM) domain a relay uses by default. */
    public enum Envelope {
        /** The sender's own address, as mailbox providers send it: SPF of the From domain applies. */
        FROM_DOMAIN,
        /** A fixed subdomain of the From domain the customer publishes SPF at. */
        SUBDOMAIN,
        /** The provider's own bounce domain, unless the customer sets up a custom one under theirs. */
        PROVIDER
    }

    /**
     * @param fromDomain the From domain
     * @return the envelope domain SPF is checked for by default: the From domain, or its subdomain
     *     for {@link Envelope#SUBDOMAIN}; for {@link Envelope#PROVIDER} the From domain too, standing for
     *     the custom envelope domain an aligned setup needs
     */
    public String envelopeDomain(String fromDomain) {
        return envelope == Envelope.SUBDOMAIN ? envelopeLabel.orElseThrow() + "." + fromDomain : fromDomain;
    }
}
