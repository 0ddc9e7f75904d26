package dev.preflight.email.internal.align;

import dev.preflight.dns.internal.DomainNames;
import dev.preflight.dns.internal.SpfLookups;
import dev.preflight.dns.internal.SpfRecord;
import dev.preflight.dns.internal.SpfTerm;
import dev.preflight.net.DnsAnswer;
import dev.preflight.net.Resolver;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Addresses a relay provider sends from, read from the SPF record at the include domain it documents:
 * the first address of each {@code ip4}/{@code ip6} range it authorises ({@code +}), through its
 * includes and redirect, in record order. A sample, not the whole set: enough to ask whether a
 * customer's SPF authorises the provider. Immutable.
 *
 * @param samples up to {@value #SAMPLES} addresses
 * @param ranges the ranges they come from, as written, e.g. {@code ip4:192.0.2.0/24}
 * @param failure the answer of a DNS server that failed on the way, if one did
 * @param notes why no address could be read, e.g. {@code no SPF record at spf.relay.test}
 */
public record ProviderRanges(List<InetAddress> samples, List<String> ranges, Optional<DnsAnswer> failure,
        List<String> notes) {
    /** Enough to catch a record that authorises only part of a provider, few enough to stay quick. */
    static final int SAMPLES = 8;
    /** RFC 7208 4.6.4's limit on the terms that ask DNS, applied to this walk as well. */
    private static final int LOOKUPS = 10;

    /** Copies the lists. */
    public ProviderRanges {
        samples = List.copyOf(samples);
        ranges = List.copyOf(ranges);
        notes = List.copyOf(notes);
    }

    /**
     * @param dns the check's resolver
     * @param include the provider's include domain
     * @return the sample, empty with a note when the record cannot be read
     * @throws IOException if a DNS server did not answer before the deadline
     */
    public static ProviderRanges read(Resolver dns, String include) throws IOException {
        Walk walk = new Walk(dns);
        walk.visit(DomainNames.relative(include));
        return new ProviderRanges(walk.samples, walk.ranges, Optional.ofNullable(walk.failure), walk.notes);
    }

    private static final class Walk {
        private final Resolver dns;
        private final Set<String> seen = new HashSet<>();
        private final List<InetAddress> samples = new ArrayList<>();
        private final List<String> ranges = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private DnsAnswer failure;
        private int lookups;

        Walk(Resolver dns) {
            this.dns = dns;
        }

        void visit(String domain) throws IOException {
            if (failure != null || samples.size() >= SAMPLES || !seen.add(domain) || lookups++ > LOOKUPS) {
                return;
            }
            SpfLookups.Fetched fetched = SpfLookups.fetch(dns, domain);
            if (fetched.answer().outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
                failure = fetched.answer();
                return;
            }
            if (fetched.single().isEmpty()) {
                notes.add(fetched.records().isEmpty() ? "no SPF record at " + domain
                        : fetched.records().size() + " SPF records at " + domain);
                return;
            }
            SpfRecord record = SpfRecord.parse(fetched.single().get());
            for (SpfTerm term : record.terms()) {
                if (samples.size() >= SAMPLES) {
                    return;
                }
                if (term.modifier() || term.qualifier() != '+') {
                    continue;
                }
                if (term.name().equals("ip4") || term.name().equals("ip6")) {
                    // A literal from a record that parsed: no lookup.
                    samples.add(InetAddress.getByName(term.network()));
                    ranges.add(term.text());
                } else if (term.name().equals("include") && !term.hasMacro()) {
                    visit(DomainNames.relative(term.domainSpec()));
                }
            }
            Optional<SpfTerm> redirect = record.redirect();
            if (record.all().isEmpty() && redirect.isPresent() && !redirect.get().hasMacro()) {
                visit(DomainNames.relative(redirect.get().domainSpec()));
            }
        }
    }
}
