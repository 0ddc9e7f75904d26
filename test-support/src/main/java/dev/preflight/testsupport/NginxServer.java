package dev.preflight.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private nginx (the Debian package's {@code /usr/sbin/nginx}) on {@code 127.0.0.1}: its config,
 * pid file, logs and temp directories live in a fresh temporary directory, it listens on free
 * loopback ports only, and {@link #close()} stops exactly the processes it started (never by name)
 * and deletes the directory.
 *
 * <pre>{@code
 * try (NginxServer nginx = NginxServer.builder()
 *         .site(NginxSite.https("shop.test", leaf, intermediate).header("X-Frame-Options", "DENY"))
 *         .site(NginxSite.http("shop.test").directives("return 301 https://$host$request_uri;"))
 *         .start()) {
 *     Target target = Target.web("https://shop.test:" + nginx.httpsPort() + "/");
 *     // with a host override shop.test -> 127.0.0.1 and the root trusted
 * }
 * }</pre>
 *
 * <p>Or write the {@code http} block's content yourself, with the placeholders {@code ${httpsPort}},
 * {@code ${httpPort}} and {@code ${dir}} (the private directory, where {@link Builder#file} puts
 * files): {@code NginxServer.builder().file("site.crt", pem).http("server { listen
 * 127.0.0.1:${httpsPort} ssl; ssl_certificate ${dir}/site.crt; ... }").start()}.
 *
 * <p>nginx runs in the foreground ({@code daemon off}) as a child of this JVM, with a master
 * process and its workers; {@code close()} sends the master SIGTERM (nginx's fast shutdown, which
 * stops the workers), then kills any of its descendants still alive. Run as root, the workers run
 * as root too ({@code user root;}), so that they can read the private directory, which only its owner
 * may enter. {@link #isAvailable()} tells tests whether nginx is installed. Thread-safe once started.
 *
 * @since 0.1
 */
public final class NginxServer implements AutoCloseable {
    private static final Path DEFAULT_BINARY = Paths.get("/usr/sbin/nginx");
    private static final InetAddress LOOPBACK = loopback();

    private final Process process;
    private final Path directory;
    private final int httpsPort;
    private final int httpPort;
    private final Thread cleanup;

    private NginxServer(Process process, Path directory, int httpsPort, int httpPort) {
        this.process = process;
        this.directory = directory;
        this.httpsPort = httpsPort;
        this.httpPort = httpPort;
        // Not left running if a test exits the JVM without closing the server.
        this.cleanup = new Thread(this::stop, "nginx-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** @return a builder for a private nginx */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether the nginx binary exists ({@code $NGINX} or {@code /usr/sbin/nginx}) */
    public static boolean isAvailable() {
        return Files.isExecutable(binary());
    }

    private static Path binary() {
        String configured = System.getenv("NGINX");
        return configured != null && !configured.isBlank() ? Paths.get(configured) : DEFAULT_BINARY;
    }

    /** @return the port HTTPS sites listen on, on {@code 127.0.0.1} */
    public int httpsPort() {
        return httpsPort;
    }

    /** @return the port plain HTTP sites listen on, on {@code 127.0.0.1} */
    public int httpPort() {
        return httpPort;
    }

    /** @return the private directory: config, logs, the sites' certificate and key files */
    public Path directory() {
        return directory;
    }

    /** @return the master process; its descendants are the workers */
    public ProcessHandle process() {
        return process.toHandle();
    }

    /** @return what nginx logged so far at {@code warn} and above */
    public String errorLog() {
        try {
            Path log = directory.resolve("error.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops nginx and its workers, waiting for them, and deletes the private directory. */
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
                child.onExit().get(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // A worker that outlives five seconds after SIGKILL: nothing more to do from here.
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
     * Configures an {@link NginxServer}. Not thread-safe.
     *
     * @since 0.1
     */
    public static final class Builder {
        private final List<NginxSite> sites = new ArrayList<>();
        private final StringBuilder http = new StringBuilder();
        private final Map<String, String> files = new LinkedHashMap<>();
        private int workerProcesses = 1;
        private String sslProtocols = "TLSv1.2 TLSv1.3";
        private Duration startTimeout = Duration.ofSeconds(20);

        private Builder() {
        }

        /** @param site a {@code server} block @return this builder */
        public Builder site(NginxSite site) {
            sites.add(site);
            return this;
        }

        /**
         * @param content directives for the {@code http} block, with the placeholders {@code ${httpsPort}},
         *     {@code ${httpPort}} and {@code ${dir}}
         * @return this builder
         */
        public Builder http(String content) {
            http.append(content).append('\n');
            return this;
        }

        /**
         * @param name a file name inside the private directory, e.g. {@code site.crt}
         * @param content its content, UTF-8
         * @return this builder
         */
        public Builder file(String name, String content) {
            files.put(name, content);
            return this;
        }

        /** @param count nginx's {@code worker_processes}; default 1 @return this builder */
        public Builder workerProcesses(int count) {
            this.workerProcesses = count;
            return this;
        }

        /**
         * nginx's {@code ssl_protocols}, in the {@code http} block for every site at once (do not repeat
         * the directive in {@link #http}).
         *
         * @param protocols e.g. {@code TLSv1 TLSv1.1 TLSv1.2}; default {@code TLSv1.2 TLSv1.3}, the
         *     default of nginx 1.23.4 and later (Debian 12's nginx 1.22 lacks TLSv1.3 by default)
         * @return this builder
         */
        public Builder sslProtocols(String protocols) {
            this.sslProtocols = protocols;
            return this;
        }

        /** @param timeout how long to wait for the ports to accept connections; default 20 s @return this builder */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /**
         * Writes the config, starts nginx and waits until its ports accept connections.
         *
         * @return the running server
         * @throws IOException if nginx is missing, rejects the config, or does not listen in time;
         *     the message carries its error log
         */
        public NginxServer start() throws IOException {
            IOException last = null;
            // Free ports are found by binding and releasing them; another process may take one in between.
            for (int attempt = 0; attempt < 3; attempt++) {
                try {
                    return startOnce();
                } catch (PortTaken e) {
                    last = e;
                }
            }
            throw last;
        }

        private NginxServer startOnce() throws IOException {
            Path dir = Files.createTempDirectory("preflight-nginx-");
            try {
                int httpsPort = freePort();
                int httpPort = freePort();
                while (httpPort == httpsPort) {
                    httpPort = freePort();
                }
                String config = config(dir).replace("${dir}", dir.toString())
                        .replace("${httpsPort}", String.valueOf(httpsPort))
                        .replace("${httpPort}", String.valueOf(httpPort));
                Path conf = dir.resolve("nginx.conf");
                Files.writeString(conf, config, StandardCharsets.UTF_8);
                Path errorLog = dir.resolve("error.log");
                Process process = new ProcessBuilder(binary().toString(), "-c", conf.toString(),
                        "-p", dir + "/", "-e", errorLog.toString())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("console.log").toFile()).start();
                NginxServer server = new NginxServer(process, dir, httpsPort, httpPort);
                List<Integer> ports = new ArrayList<>();
                if (config.contains("listen 127.0.0.1:" + httpsPort)) {
                    ports.add(httpsPort);
                }
                if (config.contains("listen 127.0.0.1:" + httpPort)) {
                    ports.add(httpPort);
                }
                awaitListening(server, process, ports);
                return server;
            } catch (IOException | RuntimeException e) {
                deleteRecursively(dir);
                throw e;
            }
        }

        private String config(Path dir) throws IOException {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            for (String tmp : List.of("body", "proxy", "fastcgi", "uwsgi", "scgi")) {
                Files.createDirectories(dir.resolve("tmp").resolve(tmp));
            }
            StringBuilder servers = new StringBuilder();
            for (int i = 0; i < sites.size(); i++) {
                NginxSite site = sites.get(i);
                String certificate = "";
                String key = "";
                if (site.isHttps()) {
                    Path certificateFile = dir.resolve("site-" + i + ".crt");
                    Path keyFile = dir.resolve("site-" + i + ".key");
                    Files.writeString(certificateFile, site.chainPem(), StandardCharsets.US_ASCII);
                    Files.writeString(keyFile, site.keyPem(), StandardCharsets.US_ASCII);
                    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
                    certificate = certificateFile.toString();
                    key = keyFile.toString();
                }
                servers.append(site.render(certificate, key));
            }
            boolean root = "root".equals(System.getProperty("user.name"));
            // nginx's compiled-in paths (/var/lib/nginx, /run/nginx.pid, /var/log/nginx) are all overridden.
            return (root ? "user root;\n" : "")
                    + "daemon off;\n"
                    + "master_process on;\n"
                    + "worker_processes " + workerProcesses + ";\n"
                    + "pid ${dir}/nginx.pid;\n"
                    + "error_log ${dir}/error.log warn;\n"
                    + "events {\n    worker_connections 1024;\n}\n"
                    + "http {\n"
                    + "    access_log off;\n"
                    + "    ssl_protocols " + sslProtocols + ";\n"
                    + "    client_body_temp_path ${dir}/tmp/body;\n"
                    + "    proxy_temp_path ${dir}/tmp/proxy;\n"
                    + "    fastcgi_temp_path ${dir}/tmp/fastcgi;\n"
                    + "    uwsgi_temp_path ${dir}/tmp/uwsgi;\n"
                    + "    scgi_temp_path ${dir}/tmp/scgi;\n"
                    // Room for thousands of server names (the SNI sweep benchmark).
                    + "    server_names_hash_max_size 8192;\n"
                    + "    server_names_hash_bucket_size 128;\n"
                    + http
                    + servers
                    + "}\n";
        }

        private void awaitListening(NginxServer server, Process process, List<Integer> ports) throws IOException {
            long deadline = System.nanoTime() + startTimeout.toNanos();
            Path pidFile = server.directory().resolve("nginx.pid");
            // The master writes its pid file once it has accepted the config and bound its ports.
            for (int port : ports.isEmpty() ? List.of(-1) : ports) {
                while (!Files.exists(pidFile) || port > 0 && !accepts(port)) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        String log = server.errorLog() + readQuietly(server.directory().resolve("console.log"));
                        server.close();
                        if (log.toLowerCase(Locale.ROOT).contains("address already in use")) {
                            throw new PortTaken(log);
                        }
                        throw new IOException((process.isAlive() ? "nginx was not ready on port " + port + " within "
                                + startTimeout.toMillis() + " ms" : "nginx exited with status " + process.exitValue())
                                + "; its log:\n" + log);
                    }
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        server.close();
                        throw new IOException("interrupted while waiting for nginx to listen", e);
                    }
                }
            }
        }

        private static boolean accepts(int port) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(LOOPBACK, port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private static String readQuietly(Path file) {
            try {
                return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                return "";
            }
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
                return socket.getLocalPort();
            }
        }
    }

    private static InetAddress loopback() {
        try {
            // Not getLoopbackAddress(): that may be ::1, and nginx listens on 127.0.0.1 only.
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** nginx could not bind a port found free a moment before. */
    private static final class PortTaken extends IOException {
        private static final long serialVersionUID = 1L;

        PortTaken(String log) {
            super("a port was taken before nginx could bind it; its log:\n" + log);
        }
    }
}
