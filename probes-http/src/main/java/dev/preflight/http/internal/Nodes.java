package dev.preflight.http.internal;

import dev.preflight.net.Network;
import dev.preflight.support.IpAddresses;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Where to send a request for some URL while checking one node of a site. A node answers on every
 * port of the site's host, so a request to another port of the same host stays on the node, unless
 * a host override ({@code --resolve}) names that port: then the override's address at the node's
 * position in the site's address list is used. Another host goes to its first address, but never to a
 * link-local or cloud-metadata address unless the node itself is one: a redirect must not make the
 * checking machine read its own cloud credentials.
 */
public final class Nodes {

    private Nodes() {
    }

    /**
     * @param site the site
     * @param node the address of the site being checked
     * @param url where the request goes
     * @return the address to connect to
     * @throws NoDocumentException if another host resolves to a link-local or metadata address
     * @throws Exception if another host cannot be resolved in time
     */
    public static InetAddress addressFor(Site site, InetAddress node, URI url) throws Exception {
        String host = url.getHost().toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
        int port = Site.port(url);
        if (!host.equals(site.host())) {
            InetAddress other = Network.of(site.context()).addresses(host, port).get(0);
            if (IpAddresses.isLinkLocalOrMetadata(other) && !IpAddresses.isLinkLocalOrMetadata(node)) {
                throw new NoDocumentException(SitePaths.shown(site.url()) + " leads to " + host
                        + ", which resolves to the link-local address " + other.getHostAddress()
                        + "; Preflight does not send requests there", "Point " + host + " at the site's servers.");
            }
            return other;
        }
        List<InetAddress> overrides = site.context().network().overridesFor(host, port);
        if (overrides.isEmpty() || overrides.contains(node)) {
            return node;
        }
        int position = Math.max(0, site.addresses().indexOf(node));
        return overrides.get(position % overrides.size());
    }
}
