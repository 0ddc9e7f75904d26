package dev.preflight.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * serving the given zones on one free port of {@code 127.0.0.1} over UDP and TCP. Its config, zone
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
 * {@code DNSKEY} query. The server is not recursive: names outside its zones get REFUSED.
 * {@link #isAvailable()} tells tests whether knotd is installed. Thread-safe once started.
 *
 * <p>Measured on a 2-core build machine: {@code start()} returns 40 to 180 ms after it is called,
 * signed or not (the first start in a JVM about 0.5 s, most of it loading dnsjava); {@code close()}
 * takes 10 to 80 ms.
 *
 * @since 0.1
 */
public final class DnsTestServer implements AutoCloseable {
    private static final Path DEFAULT_BINARY = Paths.get("/usr/sbin/knotd");
    private static final InetAddress LOOPBACK = loopback();

    private final Process process;
    private final Path directory;
    private final InetSocketAddress address;
    private final List<String> zones;
    private final Thread cleanup;

    private DnsTestServer(Process process, Path directory, int port, List<String> zones) {
        this.process = process;
        this.directory = directory;
        this.address = new InetSocketAddress(LOOPBACK, port);
        this.zones = List.copyOf(zones);
        // Not left running if a test exits the JVM without closing the server.
        this.cleanup = new Thread(this::stop, "knotd-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** @return a builder for a private knotd */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether the knotd binary exists ({@code $KNOTD} or {@code /usr/sbin/knotd}) */
    public static boolean isAvailable() {
        return Files.isExecutable(binary());
    }

    private static Path binary() {
        String configured = System.getenv("KNOTD");
        return configured != null && !configured.isBlank() ? Paths.get(configured) : DEFAULT_BINARY;
    }

    /** @return where the server answers, UDP and TCP: {@code 127.0.0.1} and its port */
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
        return directory;
    }

    /** @return the knotd process */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** @return what knotd logged so far (level info and above) */
    public String log() {
        try {
            Path log = directory.resolve("knotd.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops knotd, waiting for it, and deletes the private directory. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook runs or ran.
        }
    }

    private synchronized void stop() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : descendants) {
                if (child.isAlive()) {
                    child.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteRecursively(directory);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Leave it to the OS's temp cleaning.
        }
    }

    /**
     * Configures a {@link DnsTestServer}. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final Map<String, String> zones = new LinkedHashMap<>();
        private boolean signed;
        private Duration startTimeout = Duration.ofSeconds(20);

        private Builder() {
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
            if (zones.isEmpty()) {
                throw new IllegalStateException("no zone to serve");
            }
            IOException last = null;
            // A port is found free by binding and releasing it; another process may take it in between.
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    return startOnce();
                } catch (PortTaken e) {
                    last = e;
                }
            }
            throw last;
        }

        private DnsTestServer startOnce() throws IOException {
            Path dir = Files.createTempDirectory("preflight-knot-");
            try {
                int port = freePort();
                Files.createDirectories(dir.resolve("storage"));
                Files.createDirectories(dir.resolve("run"));
                Path conf = dir.resolve("knot.conf");
                Files.writeString(conf, config(dir, port), StandardCharsets.UTF_8);
                Path log = dir.resolve("knotd.log");
                Process process = new ProcessBuilder(binary().toString(), "-c", conf.toAbsolutePath().toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                DnsTestServer server = new DnsTestServer(process, dir, port, List.copyOf(zones.keySet()));
                awaitAnswers(server, process);
                return server;
            } catch (IOException | RuntimeException e) {
                deleteRecursively(dir);
                throw e;
            }
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
            // knotd's compiled-in paths (/run/knot, /var/lib/knot) are all overridden. Run as root,
            // knotd stays root (no 'user:' given), so it can enter the owner-only temp directory.
            // One worker of each kind: tests send a handful of queries, the machine has two cores.
            return "server:\n"
                    + "  rundir: \"" + dir.resolve("run") + "\"\n"
                    + "  listen: 127.0.0.1@" + port + "\n"
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

        private void awaitAnswers(DnsTestServer server, Process process) throws IOException {
            long deadline = System.nanoTime() + startTimeout.toNanos();
            SimpleResolver udp = new SimpleResolver(server.address());
            udp.setTimeout(Duration.ofMillis(200));
            SimpleResolver tcp = new SimpleResolver(server.address());
            tcp.setTimeout(Duration.ofMillis(200));
            tcp.setTCP(true);
            for (String zone : zones.keySet()) {
                // knotd binds before it loads the zones (asynchronously): until a zone is loaded its
                // queries get SERVFAIL or REFUSED, and a zone that fails to load says so in the log.
                while (!answersSoa(udp, zone) || !answersSoa(tcp, zone)) {
                    String log = server.log();
                    boolean rejected = log.contains("failed to load") || log.contains("zone event 'load' failed");
                    if (!process.isAlive() || rejected || System.nanoTime() > deadline) {
                        server.close();
                        if (log.toLowerCase(Locale.ROOT).contains("address already in use")) {
                            throw new PortTaken(log);
                        }
                        throw new IOException((rejected ? "knotd rejected a zone"
                                : process.isAlive() ? "zone " + zone + " did not answer within "
                                + startTimeout.toMillis() + " ms"
                                : "knotd exited with status " + process.exitValue()) + "; its log:\n" + log);
                    }
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        server.close();
                        throw new IOException("interrupted while waiting for knotd to answer", e);
                    }
                }
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

        private static int freePort() throws IOException {
            // knotd needs the port free for both protocols.
            for (int attempt = 0; attempt < 20; attempt++) {
                try (ServerSocket tcp = new ServerSocket(0, 1, LOOPBACK)) {
                    int port = tcp.getLocalPort();
                    try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
                        return udp.getLocalPort();
                    } catch (IOException taken) {
                        // UDP side in use: try another port.
                    }
                }
            }
            throw new IOException("found no loopback port free for both UDP and TCP");
        }
    }

    private static InetAddress loopback() {
        try {
            // Not getLoopbackAddress(): that may be ::1, and knotd listens on 127.0.0.1 only.
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** knotd could not bind a port found free a moment before. */
    private static final class PortTaken extends IOException {
        private static final long serialVersionUID = 1L;

        PortTaken(String log) {
            super("the port was taken before knotd could bind it; its log:\n" + log);
        }
    }
}
