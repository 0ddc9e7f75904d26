package dev.preflight.host;

import dev.preflight.host.internal.OpenPortsCheck;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import java.net.URI;
import java.util.Locale;

/**
 * {@code net.open-ports}: the host of a web target accepts connections only on the ports it is meant
 * to (SSH and the web by default), not on a database's, a cache's or an admin API's.
 *
 * <p>A port scan, even of one's own host, is something a firewall or a provider may flag, so the
 * probe declares {@link #writes()} and runs only when the run names it ({@code --probe
 * net.open-ports}). It sends nothing but connection attempts: a bare TCP connect to each port of
 * each address (A and AAAA, through the run's resolver and {@code --resolve}), closed as soon as it
 * is made, no byte written. Eight attempts run at once; each waits at most its fair share of the
 * time left, and at most {@code connect-timeout}, before a silent port counts as filtered. Each
 * attempt ends as open, refused, filtered (no answer: a firewall drops the packets), unreachable (no
 * route) or not tried (the deadline came first).
 *
 * <p>Verdicts:
 * <ul>
 * <li>FAIL naming the service, port and address when a datastore, cache, queue or admin API port is
 *     open: MySQL, PostgreSQL, SQL Server, Oracle, MongoDB, Redis, Memcached, Elasticsearch,
 *     Cassandra, CouchDB, InfluxDB, Neo4j, ClickHouse, Solr, the Docker API, etcd, the kubelet,
 *     RabbitMQ, Kafka, ZooKeeper, Consul, NFS. The fix: firewall or security group, and binding the
 *     service to a private interface.</li>
 * <li>WARN when another port of the catalogue nobody expects is open (SMTP, FTP, Telnet, SMB, RDP,
 *     VNC, LDAP, the Kubernetes API, Kibana, Prometheus…).</li>
 * <li>PASS when every tried port is refused or filtered, with the counts.</li>
 * <li>ERROR when the host has no address, or when some attempts could not tell (unreachable, or cut
 *     short by the deadline) and none of the others found an open port.</li>
 * <li>FAIL without a connection when the host is a template ({@code example.com},
 *     {@code your-domain.com}): a scan would probe somebody else's machine.</li>
 * </ul>
 * An expected port that is closed is only recorded (detail {@code expected}): the service's own
 * probes judge it.
 *
 * <p>Settings: {@code expected}, the ports meant to be open (default {@code 22,80,443}; the URL's
 * own port is always expected); {@code ports}, the catalogue to try instead of the default one, each
 * entry {@code port} or {@code port:service} ({@code 6380:redis}: a service the catalogue knows by
 * name keeps its severity, any other name WARNs); {@code extra-ports}, entries added to the catalogue
 * in the same form; {@code connect-timeout}, the most one attempt waits (default {@code 2s}: a port
 * behind a round trip longer than that counts as filtered).
 *
 * <p>Details: the counts per state ({@code open}, {@code refused}, {@code filtered},
 * {@code unreachable}, {@code not-tried}), {@code addresses}, {@code open-ports},
 * {@code expected} (how each expected port answered) and {@code wait-per-port}.
 *
 * <p>The answer depends on where Preflight runs: run it from outside the host's private network,
 * e.g. a CI runner, to see what the internet sees. Stateless and thread-safe.
 *
 * @since 0.3
 */
public final class OpenPortsProbe implements Probe {

    @Override
    public String id() {
        return "net.open-ports";
    }

    @Override
    public String title() {
        return "Only the expected ports of the site's host accept connections";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.WEB;
    }

    /** @return true: a port scan runs only when named */
    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public Result check(ProbeContext context) throws Exception {
        URI uri = context.target().uri().orElse(null);
        if (uri == null || uri.getHost() == null) {
            return Result.skip("the target has no http:// or https:// URL");
        }
        int port = uri.getPort() > 0 ? uri.getPort()
                : "http".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 80 : 443;
        return OpenPortsCheck.check(context, uri.getHost(), port);
    }
}
