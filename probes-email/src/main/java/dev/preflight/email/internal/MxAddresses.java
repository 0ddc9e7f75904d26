package dev.preflight.email.internal;

import dev.preflight.dns.internal.NameRecords;
import dev.preflight.net.Network;
import dev.preflight.net.NetworkFailures;
import dev.preflight.probe.Status;
import dev.preflight.support.IpAddresses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * One mail host's addresses, IPv4 and IPv6, as a sending MTA looks them up; or, when it has none to
 * try, the verdict on the host: FAIL for a name that does not exist or has no A or AAAA record (mail
 * cannot be delivered there) or an IP address written as a name, ERROR when the DNS server failed or
 * did not answer in time. Immutable.
 *
 * @param host the host name
 * @param addresses its addresses, IPv4 first; empty when {@code problem} is set
 * @param problem the verdict on a host with no address to try, or null
 */
public record MxAddresses(String host, List<InetAddress> addresses, MxVerdict problem) {

    /** Copies the addresses. */
    public MxAddresses {
        addresses = List.copyOf(addresses);
    }

    /**
     * @param network the network of this host's share of the check
     * @param host a mail host's name
     * @param port the port, to match {@code --resolve} overrides
     * @return its addresses, or the verdict on it; never throws
     */
    public static MxAddresses lookUp(Network network, String host, int port) {
        if (IpAddresses.isLiteral(host)) {
            return new MxAddresses(host, List.of(), MxVerdict.of(host, null, Status.FAIL,
                    "an IP address where an MX record must name a host (RFC 7505 4): senders need not deliver there",
                    "Point the MX record at a host name with its own A or AAAA records."));
        }
        try {
            return new MxAddresses(host, network.addresses(host, port), null);
        } catch (UnknownHostException e) {
            return new MxAddresses(host, List.of(), whyUnresolved(network, host, e));
        } catch (IOException e) {
            return new MxAddresses(host, List.of(), MxVerdict.error(host, null, NetworkFailures.describe(e, host), false,
                    e));
        }
    }

    /** The resolver says only "unknown host"; the records tell a name that is wrong from a server that failed. */
    private static MxVerdict whyUnresolved(Network network, String host, UnknownHostException e) {
        try {
            NameRecords records = NameRecords.lookUp(network.resolver(), host);
            if (records.serverFailure() != null) {
                return MxVerdict.error(host, null, "cannot be resolved: " + records.serverFailure(), false, e);
            }
            return MxVerdict.of(host, null, Status.FAIL, "does not resolve (" + (records.problem() != null
                    ? records.problem() : "no address") + "): mail for it cannot be delivered",
                    "Publish A or AAAA records for " + host + ", or point the MX record at a host that has them.");
        } catch (IOException again) {
            return MxVerdict.error(host, null, NetworkFailures.describe(again, host), false, again);
        }
    }
}
