package dev.preflight.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

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
 * may enter. {@link #isAvailable()} tells tests whether nginx is installed, and
 * {@link #assumeAvailable()} skips a test without it. Thread-safe once started; the process itself
 * is run by {@link PrivateProcess}.
 *
 * @since 0.1
 */
public final class NginxServer implements AutoCloseable {
    private static final Path DEFAULT_BINARY = Paths.get("/usr/sbin/nginx");

    private final PrivateProcess nginx;
    private final int httpsPort;
    private final int httpPort;

    private NginxServer(PrivateProcess nginx, int httpsPort, int httpPort) {
        this.nginx = nginx;
        this.httpsPort = httpsPort;
        this.httpPort = httpPort;
    }

    /** @return a builder for a private nginx */
    public static Builder builder() {
        return new Builder();
    }

    /** @return whether the nginx binary exists ({@code $NGINX} or {@code /usr/sbin/nginx}) */
    public static boolean isAvailable() {
        return Files.isExecutable(binary());
    }

    /**
     * Skips the calling test unless nginx is installed or {@value Servers#REQUIRE_SERVERS} is set.
     *
     * @see Servers#assumeAvailable
     */
    public static void assumeAvailable() {
        Servers.assumeAvailable(binary(), "nginx");
    }

    private static Path binary() {
        return Servers.binary("NGINX", DEFAULT_BINARY);
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
        return nginx.directory();
    }

    /** @return the master process; its descendants are the workers */
    public ProcessHandle process() {
        return nginx.handle();
    }

    /** @return what nginx logged so far at {@code warn} and above */
    public String errorLog() {
        return nginx.read("error.log");
    }

    /** Stops nginx and its workers, waiting for them, and deletes the private directory. */
    @Override
    public void close() {
        nginx.close();
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
            return FreePorts.retryIfTaken(this::startOnce);
        }

        private NginxServer startOnce() throws IOException {
            int[] ports = FreePorts.tcp(2);
            int httpsPort = ports[0];
            int httpPort = ports[1];
            PrivateProcess nginx = PrivateProcess.builder("nginx").output("console.log").log("error.log").start(dir -> {
                String config = config(dir).replace("${dir}", dir.toString())
                        .replace("${httpsPort}", String.valueOf(httpsPort))
                        .replace("${httpPort}", String.valueOf(httpPort));
                Path conf = dir.resolve("nginx.conf");
                Files.writeString(conf, config, StandardCharsets.UTF_8);
                return List.of(binary().toString(), "-c", conf.toString(),
                        "-p", dir + "/", "-e", dir.resolve("error.log").toString());
            });
            NginxServer server = new NginxServer(nginx, httpsPort, httpPort);
            String config = nginx.read("nginx.conf");
            List<Integer> listening = IntStream.of(ports).filter(port -> config.contains("listen 127.0.0.1:" + port))
                    .boxed().toList();
            Path pidFile = nginx.directory().resolve("nginx.pid");
            // The master writes its pid file once it has accepted the config and bound its ports.
            PrivateProcess.Readiness accepting = PrivateProcess.Readiness.listening(listening);
            nginx.awaitReady(startTimeout, "its pid file and ports " + listening + " accepting connections",
                    () -> Files.exists(pidFile) && accepting.ready());
            return server;
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
    }
}
