package dev.preflight.host.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The well-known ports {@code net.open-ports} tries by default, each with its service and what an
 * open one means. Port numbers are those of the IANA service name registry where the service has one
 * (MySQL, PostgreSQL, MSSQL, Oracle, Redis, Memcached, CouchDB, Docker, etcd, Kafka, ZooKeeper, SMTP,
 * FTP, Telnet, SMB, RDP, VNC, LDAP, NFS) and otherwise the vendor's documented default (MongoDB,
 * Elasticsearch, Cassandra, InfluxDB, Neo4j, ClickHouse, Solr, RabbitMQ, Consul, and the
 * Kubernetes "Ports and Protocols" page for etcd, the kubelet and the API server).
 */
public final class PortCatalogue {
    private static final List<KnownPort> DEFAULTS = List.of(
            critical(3306, "MySQL"), critical(5432, "PostgreSQL"), critical(1433, "Microsoft SQL Server"),
            critical(1521, "Oracle"), critical(27017, "MongoDB"), critical(6379, "Redis"),
            critical(11211, "Memcached"), critical(9200, "Elasticsearch"), critical(9300, "Elasticsearch transport"),
            critical(9042, "Cassandra"), critical(5984, "CouchDB"), critical(8086, "InfluxDB"),
            critical(7687, "Neo4j"), critical(8123, "ClickHouse"), critical(8983, "Solr"),
            critical(2375, "Docker API"), critical(2376, "Docker API (TLS)"), critical(2379, "etcd"),
            critical(2380, "etcd peer"), critical(10250, "kubelet"), critical(5672, "RabbitMQ"),
            critical(15672, "RabbitMQ management"), critical(9092, "Kafka"), critical(2181, "ZooKeeper"),
            critical(8500, "Consul"), critical(2049, "NFS"),
            unexpected(6443, "Kubernetes API"), unexpected(25, "SMTP"), unexpected(21, "FTP"),
            unexpected(23, "Telnet"), unexpected(445, "SMB"), unexpected(3389, "RDP"), unexpected(5900, "VNC"),
            unexpected(389, "LDAP"), unexpected(111, "rpcbind"), unexpected(5601, "Kibana"),
            unexpected(9090, "Prometheus"), unexpected(1883, "MQTT"));
    /** Service names a {@code port:service} entry may use, compacted: {@code 6380:redis}. */
    private static final Map<String, KnownPort> BY_SERVICE = byService();

    private PortCatalogue() {
    }

    /** @return the default catalogue, datastores and admin APIs first */
    public static List<KnownPort> defaults() {
        return DEFAULTS;
    }

    /**
     * @param port a port number
     * @return the default catalogue's entry for it
     */
    public static Optional<KnownPort> known(int port) {
        return DEFAULTS.stream().filter(k -> k.port() == port).findFirst();
    }

    /**
     * Reads one entry of the {@code ports} or {@code extra-ports} setting: {@code 3306} (named from
     * the catalogue, else an unknown service), or {@code 6380:redis} (a service the catalogue knows
     * by name takes its exposure; any other name counts as unexpected).
     *
     * @param entry the entry
     * @return the port
     * @throws IllegalArgumentException with the problem, when the entry is malformed
     */
    public static KnownPort parse(String entry) {
        int colon = entry.indexOf(':');
        int port = portNumber(colon < 0 ? entry : entry.substring(0, colon));
        if (colon < 0) {
            return known(port).orElse(new KnownPort(port, "an unknown service", Exposure.UNEXPECTED));
        }
        String service = entry.substring(colon + 1).strip();
        if (service.isEmpty()) {
            throw new IllegalArgumentException("'" + entry + "' names no service after ':'; write e.g. 6380:redis");
        }
        KnownPort named = BY_SERVICE.get(compact(service));
        return named != null ? new KnownPort(port, named.service(), named.exposure())
                : new KnownPort(port, service, Exposure.UNEXPECTED);
    }

    /**
     * @param text a port number
     * @return it, 1 to 65535
     * @throws IllegalArgumentException otherwise
     */
    public static int portNumber(String text) {
        String s = text.strip();
        if (!s.matches("\\d{1,5}") || Integer.parseInt(s) < 1 || Integer.parseInt(s) > 65535) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a port number from 1 to 65535");
        }
        return Integer.parseInt(s);
    }

    private static Map<String, KnownPort> byService() {
        Map<String, KnownPort> names = new LinkedHashMap<>();
        DEFAULTS.forEach(k -> names.putIfAbsent(compact(k.service()), k));
        // Short names people write for the same services.
        for (String[] alias : new String[][] {{"postgres", "PostgreSQL"}, {"mssql", "Microsoft SQL Server"},
                {"sqlserver", "Microsoft SQL Server"}, {"mongo", "MongoDB"}, {"docker", "Docker API"},
                {"elastic", "Elasticsearch"}, {"opensearch", "Elasticsearch"}, {"k8s", "Kubernetes API"},
                {"mariadb", "MySQL"}, {"valkey", "Redis"}}) {
            DEFAULTS.stream().filter(k -> k.service().equals(alias[1])).findFirst()
                    .ifPresent(k -> names.putIfAbsent(alias[0], k));
        }
        return Map.copyOf(names);
    }

    private static String compact(String service) {
        return service.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static KnownPort critical(int port, String service) {
        return new KnownPort(port, service, Exposure.CRITICAL);
    }

    private static KnownPort unexpected(int port, String service) {
        return new KnownPort(port, service, Exposure.UNEXPECTED);
    }
}
