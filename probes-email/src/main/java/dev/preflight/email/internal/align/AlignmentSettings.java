package dev.preflight.email.internal.align;

import dev.preflight.dns.internal.DkimSelectors;
import dev.preflight.probe.ProbeSettings;
import dev.preflight.probe.Target;
import dev.preflight.support.IpAddresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The settings of {@code smtp.sender-alignment}, read and checked before any question is asked: a
 * value it cannot use throws the settings' {@code invalid} exception, which the runner reports.
 * Immutable.
 *
 * @param selectors the DKIM selectors: {@code selectors}, else the target's {@code dkim-selectors};
 *     empty to try the common ones
 * @param stated {@code outbound-addresses}
 * @param provider the relay provider: {@code provider-include}, else the known one for the host
 * @param envelopeDomain the envelope (MAIL FROM) domain SPF is checked for
 * @param envelopeKnown false when a provider sends with its own envelope domain by default and no
 *     {@code envelope-domain} says otherwise
 */
public record AlignmentSettings(List<String> selectors, List<InetAddress> stated, Optional<RelayProvider> provider,
        String envelopeDomain, boolean envelopeKnown) {

    /** Copies the lists. */
    public AlignmentSettings {
        selectors = List.copyOf(selectors);
        stated = List.copyOf(stated);
    }

    /**
     * @param settings the probe's settings
     * @param target the target, for its {@code dkim-selectors} attribute
     * @param host the submission host
     * @param from the From address
     * @return the settings
     * @throws dev.preflight.probe.InvalidSettingException for a value that cannot be used
     */
    public static AlignmentSettings read(ProbeSettings settings, Target target, String host, FromAddress from) {
        List<String> selectors = settings.list("selectors");
        if (selectors.isEmpty()) {
            selectors = target.attribute("dkim-selectors").map(s -> Arrays.stream(s.split(","))
                    .map(String::strip).filter(x -> !x.isEmpty()).toList()).orElse(List.of());
        }
        for (String selector : selectors) {
            if (!DkimSelectors.isSelector(selector)) {
                throw settings.invalid("selectors", "'" + selector + "' is not a DNS label");
            }
        }
        List<InetAddress> stated = new ArrayList<>();
        for (String address : settings.list("outbound-addresses")) {
            stated.add(literal(settings, address));
        }
        Optional<RelayProvider> provider = nonBlank(settings, "provider-include")
                .map(include -> domain(settings, "provider-include", include))
                .map(include -> new RelayProvider(host, include, RelayProvider.Envelope.FROM_DOMAIN, Optional.empty()))
                .or(() -> RelayProviders.forHost(host));
        Optional<String> envelope = nonBlank(settings, "envelope-domain")
                .map(d -> domain(settings, "envelope-domain", d));
        String envelopeDomain = envelope.orElseGet(() -> provider.map(p -> p.envelopeDomain(from.domain()))
                .orElse(from.domain()));
        boolean known = envelope.isPresent() || provider.isEmpty()
                || provider.get().envelope() != RelayProvider.Envelope.PROVIDER;
        return new AlignmentSettings(selectors, stated, provider, envelopeDomain, known);
    }

    private static Optional<String> nonBlank(ProbeSettings settings, String key) {
        return settings.string(key).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static InetAddress literal(ProbeSettings settings, String address) {
        if (!IpAddresses.isLiteral(address)) {
            throw settings.invalid("outbound-addresses", "'" + address + "' is not an IP address");
        }
        try {
            // A literal, so no lookup.
            return InetAddress.getByName(address.replace("[", "").replace("]", ""));
        } catch (UnknownHostException e) {
            throw settings.invalid("outbound-addresses", "'" + address + "' is not an IP address");
        }
    }

    private static String domain(ProbeSettings settings, String key, String value) {
        return FromAddress.parse("postmaster@" + value).map(FromAddress::domain)
                .orElseThrow(() -> settings.invalid(key, "'" + value + "' is not a domain name"));
    }
}
