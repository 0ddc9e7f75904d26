package dev.preflight.http.internal.assets;

import dev.preflight.http.internal.Site;
import dev.preflight.net.DnsAnswer;
import dev.preflight.net.Network;
import dev.preflight.support.IpAddresses;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Type;

/**
 * Which CDN a site's host name points at, from its CNAME record: the CDNs' own edge domains
 * ({@code *.cloudfront.net}, {@code *.cdn.cloudflare.net}, {@code *.fastly.net}, Akamai's
 * {@code *.edgekey.net} and {@code *.edgesuite.net}…). Information only: nothing is judged on it.
 */
public final class CdnHosts {
    private static final Map<String, String> SUFFIXES = Map.ofEntries(
            Map.entry(".cloudfront.net", "Amazon CloudFront"),
            Map.entry(".cdn.cloudflare.net", "Cloudflare"),
            Map.entry(".fastly.net", "Fastly"),
            Map.entry(".fastlylb.net", "Fastly"),
            Map.entry(".akamaiedge.net", "Akamai"),
            Map.entry(".edgekey.net", "Akamai"),
            Map.entry(".edgesuite.net", "Akamai"),
            Map.entry(".akamai.net", "Akamai"),
            Map.entry(".azureedge.net", "Azure CDN"),
            Map.entry(".azurefd.net", "Azure Front Door"),
            Map.entry(".vercel-dns.com", "Vercel"),
            Map.entry(".netlify.app", "Netlify"),
            Map.entry(".b-cdn.net", "Bunny CDN"),
            Map.entry(".cdn77.org", "CDN77"));

    private CdnHosts() {
    }

    /**
     * @param target a CNAME's target, e.g. {@code d111111abcdef8.cloudfront.net.}
     * @return the CDN whose edge domain it is
     */
    public static Optional<String> named(String target) {
        String name = "." + target.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        return SUFFIXES.entrySet().stream().filter(e -> name.endsWith(e.getKey())).map(Map.Entry::getValue).findFirst();
    }

    /**
     * Asks the site's host name for its CNAME, unless its addresses are pinned (an override, as
     * {@code --resolve} sets: DNS is then not the path) or it is an IP literal.
     *
     * @param site the site
     * @return e.g. {@code Cloudflare (CNAME shop.example.com.cdn.cloudflare.net)}, or a CNAME to no known
     *     CDN as {@code CNAME …}; empty when there is none or it could not be asked
     * @throws InterruptedException if the probe was cancelled
     */
    public static Optional<String> of(Site site) throws InterruptedException {
        if (IpAddresses.isLiteral(site.host())
                || !site.context().network().overridesFor(site.host(), site.port()).isEmpty()) {
            return Optional.empty();
        }
        DnsAnswer answer;
        try {
            answer = Network.of(site.context()).resolver().lookup(site.host(), Type.CNAME);
        } catch (IOException | RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("cancelled");
            }
            // Information only: a DNS server that fails or is slow changes no verdict.
            return Optional.empty();
        }
        List<CNAMERecord> records = answer.records(CNAMERecord.class);
        if (records.isEmpty()) {
            return Optional.empty();
        }
        String target = records.get(0).getTarget().toString(true);
        return Optional.of(named(target).map(cdn -> cdn + " (CNAME " + target + ")").orElse("CNAME " + target));
    }
}
