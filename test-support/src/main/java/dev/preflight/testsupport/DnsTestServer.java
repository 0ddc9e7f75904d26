package dev.preflight.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A private authoritative DNS server, Knot DNS ({@code /usr/sbin/knotd}, Debian package {@code knot}),
 * serving the given zones on one free port of {@code 127.0.0.1} (or another loopback address and port:
 * {@link Builder#listen}) over UDP and TCP. Its config, zone
 * files, key and timer databases and control socket live in a fresh temporary directory;
 * {@link #close()} stops exactly the process it started (never by name) and deletes the directory.
 *
 * <pre>{@code
 * try (DnsTestServer dns = DnsTestServer.builder()
 *         .zone(DnsZone.named("shop.test").txt("@", "v=spf1 ip4:192.0.2.0/24 -all"))
 *         .zone("other.test", "@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\n@ A 192.0.2.7\n")
 *         .start()) {
 *     SimpleResolver resolver = dns.resolver(); // or new SimpleResolver(dns.address())
 * }
 * }</pre>
 *
 * <p>{@link Builder#start()} returns once every zone answers its SOA query with NOERROR, so a zone
 * file knotd rejects fails the start with knotd's message. With {@link Builder#signed(boolean)}
 * knotd signs every zone on load (ECDSA P-256, NSEC), fresh keys per start; ask for them with a
 * {@code DNSKEY} query. The server is not recursive: names outside its zones get REFUSED. A zone
 * added with {@link Builder#unloadableZone} has no file, so knotd answers SERVFAIL for every name in it.
 * {@link #isAvailable()} tells tests whether knotd is installed, and {@link #assumeAvailable()}
 * skips a test without it. Thread-safe once started; the process itself is run by
 * {@link PrivateProcess}.
 *
 * <p>Measured on a 2-core build machine: {@code start()} returns 40 to 180 ms after it is called,
 * signed or not (the first start in a JVM about 0.5 s, most of it loading dnsjava); {@code close()}
 * takes 10 to 80 ms.
 *
 * @since 0.1
 */
public final class DnsTestServer implements AutoCloseable {
    private static final Path DEFAULT_BINARY = Paths.get("/usr/sbin/knotd");

    private final PrivateProcess knotd;
    private final InetSocketAddress address;
    private final List<String> zones;

    private DnsTestServer(PrivateProcess knotd, InetSocketAddress address, List<String> zones) {
        this.knotd = knotd;
        this.address = address;
        this.zones = List.copyOf(zones);
    }

    /** @return a builder for a private knotd */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether the knotd binary exists ({@code $KNOTD} or {@code /usr/sbin/knotd}) */
    public static boolean isAvailable() {
        return Files.isExecutable(binary());
    }

    /**
     * Skips the calling test unless knotd is installed or {@value Servers#REQUIRE_SERVERS} is set.
     *
     * @see Servers#assumeAvailable
     */
    public static void assumeAvailable() {
        Servers.assumeAvailable(binary(), "knotd");
    }

    private static Path binary() {
        return Servers.binary("KNOTD", DEFAULT_BINARY);
    }

    /** @return where the server answers, UDP and TCP: {@code 127.0.0.1} (or the address given) and its port */
    public InetSocketAddress address() {
        return address;
    }

    /** @return the port, the same for UDP and TCP */
    public int port() {
        return address.getPort();
    }

    /** @return the served zones' names, absolute, in the order given */
    public List<String> zones() {
        return zones;
    }

    /**
     * @return a new dnsjava resolver for this server over UDP with a 2 s timeout; call
     *     {@code setTCP(true)} for TCP
     */
    public SimpleResolver resolver() {
        SimpleResolver resolver = new SimpleResolver(address);
        resolver.setTimeout(Duration.ofSeconds(2));
        return resolver;
    }

    /** @return the private directory: config, zone files, databases, the log */
    public Path directory() {
        return knotd.directory();
    }

    /** @return the knotd process */
    public ProcessHandle process() {
        return knotd.handle();
    }

    /** @return what knotd logged so far (level info and above) */
    public String log() {
        return knotd.log();
    }

    /** Stops knotd, waiting for it, and deletes the private directory. */
    @Override
    public void close() {
        knotd.close();
    }

    /**
     * Configures a {@link DnsTestServer}. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final Map<String, String> zones = new LinkedHashMap<>();
        private final Set<String> unloadable = new LinkedHashSet<>();
        private boolean signed;
        private Duration startTimeout = Duration.ofSeconds(20);
        private InetAddress listenAddress = FreePorts.LOOPBACK;
        private int listenPort;

        private Builder() {
        }

        /**
         * Listens on another loopback address, or on a given port: several servers on
         * {@code 127.0.0.2}, {@code 127.0.0.3}… sharing one port stand in for a zone's name servers,
         * which a client asks on one port (53 in real life). A fixed port that is taken fails the
         * start rather than being retried.
         *
         * @param address an IPv4 loopback address, e.g. {@code 127.0.0.2}
         * @param port a port, or 0 for a free one (the default)
         * @return this builder
         * @throws IllegalArgumentException if the address is not a loopback address
         */
        public Builder listen(InetAddress address, int port) {
            if (!address.isLoopbackAddress() || !(address instanceof java.net.Inet4Address)) {
                throw new IllegalArgumentException("tests listen on 127.0.0.0/8 only, not " + address);
            }
            this.listenAddress = address;
            this.listenPort = port;
            return this;
        }

        /**
         * @param origin the zone's name, e.g. {@code example.com}
         * @param zoneFile the zone file's text; relative names are relative to {@code origin}, and it
         *     needs its own SOA record
         * @return this builder
         */
        public Builder zone(String origin, String zoneFile) {
            String name = DnsZone.absolute(origin).toLowerCase(Locale.ROOT);
            if (zones.putIfAbsent(name, zoneFile) != null) {
                throw new IllegalArgumentException("zone " + name + " is already served");
            }
            return this;
        }

        /** @param zone a zone written with {@link DnsZone} @return this builder */
        public Builder zone(DnsZone zone) {
            return zone(zone.origin(), zone.text());
        }

        /**
         * Configures a zone whose file does not exist: knotd fails to load it and answers SERVFAIL for
         * every name in it, as an authoritative server with a broken zone does. {@link #start()} waits
         * until it does; {@link DnsTestServer#zones()} does not list it.
         *
         * @param origin the zone's name, e.g. {@code broken.test}
         * @return this builder
         */
        public Builder unloadableZone(String origin) {
            String name = DnsZone.absolute(origin).toLowerCase(Locale.ROOT);
            if (zones.containsKey(name) || !unloadable.add(name)) {
                throw new IllegalArgumentException("zone " + name + " is already served");
            }
            return this;
        }

        /** @param sign whether knotd signs every zone with DNSSEC on load; default false @return this builder */
        public Builder signed(boolean sign) {
            this.signed = sign;
            return this;
        }

        /** @param timeout how long to wait for every zone to answer; default 20 s @return this builder */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /**
         * Writes the config and zone files, starts knotd and waits until every zone answers.
         *
         * @return the running server
         * @throws IOException if knotd is missing, rejects its config or a zone file, or does not
         *     answer in time; the message carries its log
         */
        public DnsTestServer start() throws IOException {
            if (zones.isEmpty() && unloadable.isEmpty()) {
                throw new IllegalStateException("no zone to serve");
            }
            return FreePorts.retryIfTaken(this::startOnce);
        }

        private DnsTestServer startOnce() throws IOException {
            int port = listenPort != 0 ? listenPort : FreePorts.tcpAndUdp(listenAddress);
            PrivateProcess knotd = PrivateProcess.builder("knotd").directoryPrefix("preflight-knot-").start(dir -> {
                Files.createDirectories(dir.resolve("storage"));
                Files.createDirectories(dir.resolve("run"));
                Path conf = dir.resolve("knot.conf");
                Files.writeString(conf, config(dir, port), StandardCharsets.UTF_8);
                return List.of(binary().toString(), "-c", conf.toAbsolutePath().toString());
            });
            DnsTestServer server = new DnsTestServer(knotd, new InetSocketAddress(listenAddress, port),
                    List.copyOf(zones.keySet()));
            SimpleResolver udp = new SimpleResolver(server.address());
            udp.setTimeout(Duration.ofMillis(200));
            SimpleResolver tcp = new SimpleResolver(server.address());
            tcp.setTimeout(Duration.ofMillis(200));
            tcp.setTCP(true);
            knotd.awaitReady(startTimeout, "every zone to answer its SOA query", () -> {
                // knotd binds before it loads the zones (asynchronously): until a zone is loaded its
                // queries get SERVFAIL or REFUSED, and a zone that fails to load says so in the log.
                if (zones.keySet().stream().allMatch(zone -> answersSoa(udp, zone) && answersSoa(tcp, zone))
                        && unloadable.stream().allMatch(zone -> answersServerFailure(udp, zone))) {
                    return true;
                }
                String log = logOfLoadableZones(knotd.log());
                if (log.contains("failed to load") || log.contains("zone event 'load' failed")) {
                    throw new IOException("knotd rejected a zone");
                }
                return false;
            });
            return server;
        }

        private String config(Path dir, int port) throws IOException {
            StringBuilder zoneSection = new StringBuilder("zone:\n");
            int i = 0;
            for (Map.Entry<String, String> zone : zones.entrySet()) {
                Path file = dir.resolve("zone-" + i++ + ".zone");
                Files.writeString(file, zone.getValue(), StandardCharsets.UTF_8);
                zoneSection.append("  - domain: \"").append(zone.getKey()).append("\"\n")
                        .append("    file: \"").append(file.toAbsolutePath()).append("\"\n");
            }
            for (String zone : unloadable) {
                zoneSection.append("  - domain: \"").append(zone).append("\"\n")
                        .append("    file: \"").append(dir.resolve("missing-" + i++ + ".zone").toAbsolutePath())
                        .append("\"\n");
            }
            // knotd's compiled-in paths (/run/knot, /var/lib/knot) are all overridden. Run as root,
            // knotd stays root (no 'user:' given), so it can enter the owner-only temp directory.
            // One worker of each kind: tests send a handful of queries, the machine has two cores.
            return "server:\n"
                    + "  rundir: \"" + dir.resolve("run") + "\"\n"
                    + "  listen: " + listenAddress.getHostAddress() + "@" + port + "\n"
                    + "  udp-workers: 1\n"
                    + "  tcp-workers: 1\n"
                    + "  background-workers: 1\n"
                    + "database:\n"
                    + "  storage: \"" + dir.resolve("storage") + "\"\n"
                    + "log:\n"
                    + "  - target: stderr\n"
                    + "    any: info\n"
                    + "policy:\n"
                    + "  - id: test\n"
                    + "    algorithm: ecdsap256sha256\n"
                    + "template:\n"
                    + "  - id: default\n"
                    // Serve the files as written: no journal, never write the zone back.
                    + "    journal-content: none\n"
                    + "    zonefile-sync: -1\n"
                    + "    zonefile-load: whole\n"
                    + (signed ? "    dnssec-signing: on\n    dnssec-policy: test\n" : "")
                    + zoneSection;
        }

        /** @return the log without the lines about zones meant not to load ({@code [broken.test.] ...}) */
        private String logOfLoadableZones(String log) {
            return log.lines().filter(line -> unloadable.stream().noneMatch(zone -> line.contains("[" + zone + "]")))
                    .collect(Collectors.joining("\n"));
        }

        private static boolean answersServerFailure(SimpleResolver resolver, String zone) {
            try {
                Message query = Message.newQuery(Record.newRecord(Name.fromString(zone), Type.SOA, DClass.IN));
                return resolver.send(query).getRcode() == Rcode.SERVFAIL;
            } catch (IOException e) {
                return false;
            }
        }

        private static boolean answersSoa(SimpleResolver resolver, String zone) {
            try {
                Message query = Message.newQuery(Record.newRecord(Name.fromString(zone), Type.SOA, DClass.IN));
                Message response = resolver.send(query);
                return response.getRcode() == Rcode.NOERROR && !response.getSection(Section.ANSWER).isEmpty();
            } catch (IOException e) {
                return false;
            }
        }
    }
}
