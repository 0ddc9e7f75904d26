package dev.preflight.http.internal;

import dev.preflight.net.DnsAnswer;
import dev.preflight.net.Resolver;
import java.io.IOException;
import java.util.Locale;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * A site's two names, {@code www.X} and the zone apex {@code X}, found from the target's host: a
 * {@code www.} host gives its apex by dropping the label; any other host is an apex only if it owns
 * an SOA record (the project has no public suffix list, and the SOA is the DNS's own answer to
 * "where does a zone start"). Immutable.
 *
 * @param www the {@code www.} name
 * @param apex the apex name
 */
public record WwwApexNames(String www, String apex) {

    /** Why a host has no www/apex pair, or the pair. */
    public sealed interface Found permits Pair, Neither {
    }

    /** @param names the pair */
    public record Pair(WwwApexNames names) implements Found {
    }

    /** @param reason why the host is neither, for a SKIP */
    public record Neither(String reason) implements Found {
    }

    /**
     * @param host the target's host name, lower case, not an IP literal
     * @param dns the check's resolver
     * @return the pair, or why there is none
     * @throws IOException if the SOA question cannot be answered in time or the server failed: the
     *     probe cannot tell, which is an ERROR, not a SKIP
     */
    public static Found of(String host, Resolver dns) throws IOException {
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (name.startsWith("www.") && name.length() > 4) {
            return new Pair(new WwwApexNames(name, name.substring(4)));
        }
        DnsAnswer soa = dns.lookup(name, Type.SOA);
        if (soa.outcome() == DnsAnswer.Outcome.SERVER_FAILURE) {
            throw new IOException("cannot tell whether " + name + " is a zone apex: the SOA question failed at "
                    + soa.server() + soa.reason().map(r -> " (" + r + ")").orElse(""));
        }
        // A CNAME's target may bring its own SOA; only one owned by the host itself makes it an apex.
        boolean apex = soa.records(SOARecord.class).stream()
                .anyMatch(r -> r.getName().toString().toLowerCase(Locale.ROOT).equals(name + "."));
        if (!apex) {
            return new Neither(name + " is neither a www. name nor a zone apex (it has no SOA record of its own), so"
                    + " it has no www or apex twin to check");
        }
        return new Pair(new WwwApexNames("www." + name, name));
    }

    /**
     * @param host one of the two names
     * @return the other
     */
    public String other(String host) {
        return host.equals(www) ? apex : www;
    }
}
