package dev.preflight.cli;

import dev.preflight.ConfigException;
import dev.preflight.config.WebConfig;
import dev.preflight.serve.ConfigurationSource;
import dev.preflight.serve.PreflightExporter;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code preflight serve}: the Prometheus exporter, until the process is stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Serves the configured targets' probes to Prometheus, as blackbox_exporter does:",
                "GET /probe?target=NAME[&probe=ID,...], /report?target=NAME&format=json|markdown, /metrics,",
                "/-/healthy, /-/ready; POST /-/reload or SIGHUP reloads the configuration."})
final class ServeCommand implements Callable<Integer> {
    private static final Path DEFAULT_CONFIG = Path.of("preflight.yml");

    @Option(names = "--config", paramLabel = "FILE", description = "A preflight.yml configuration (default ./preflight.yml).")
    Path config;

    @Option(names = "--env", paramLabel = "FILE", description = "A dotenv file; targets are derived from it.")
    Path envFile;

    @Option(names = "--listen", paramLabel = "ADDRESS:PORT", description = "Where to listen (default 127.0.0.1:9871;"
            + " :9871 for every interface).")
    String listen = "127.0.0.1:" + PreflightExporter.DEFAULT_PORT;

    @Option(names = "--web-config", paramLabel = "FILE", description = "TLS and basic-auth users for the listener, in"
            + " the web.yml format of the Prometheus exporter toolkit.")
    Path webConfig;

    @Option(names = "--min-interval", paramLabel = "DURATION", description = "Serve a target's last run again"
            + " while it is younger than this, instead of checking anew (default 30s; 0s checks at every scrape).")
    String minInterval = "30s";

    @Option(names = "--target-concurrency", paramLabel = "N", description = "Most runs of one target at once (default 1).")
    int targetConcurrency = 1;

    private final Map<String, String> environment;
    private final PrintStream err;
    private final CountDownLatch stopped = new CountDownLatch(1);

    ServeCommand(Map<String, String> environment, PrintStream err) {
        this.environment = environment;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        Path configFile = config != null ? config : envFile == null && Files.exists(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null;
        if (configFile == null && envFile == null) {
            throw new ConfigException("nothing to serve: give --config FILE or --env FILE, or create ./preflight.yml");
        }
        if (targetConcurrency < 1) {
            throw new ConfigException(null, 0, "--target-concurrency", "'" + targetConcurrency
                    + "' is not a limit; give 1 or more");
        }
        WebConfig web = webConfig == null ? new WebConfig(null, Map.of()) : WebConfig.load(webConfig);
        PreflightExporter exporter = PreflightExporter.builder()
                .configuration(ConfigurationSource.files(configFile, envFile, environment))
                .listen(address(listen)).minInterval(DurationOption.parse("--min-interval", minInterval))
                .targetConcurrency(targetConcurrency).log(err::println)
                .web(web).start();
        try (exporter) {
            Hangup.onSignal(() -> exporter.reload());
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "preflight-serve-stop"));
            InetSocketAddress bound = exporter.address();
            String host = bound.getAddress().getHostAddress();
            String scheme = web.tls().isPresent() ? "https" : "http";
            err.println("preflight serve: listening on " + scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                    + bound.getPort() + "/");
            stopped.await();
        } catch (InterruptedException e) {
            // Stopped from inside the JVM (an embedding test or tool): a clean stop, as on SIGTERM.
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    /** @return {@code ADDRESS:PORT}, {@code :PORT} (every interface) or {@code [IPv6]:PORT} as a socket address */
    static InetSocketAddress address(String text) {
        int colon = text.lastIndexOf(':');
        String host = colon < 0 ? "" : text.substring(0, colon);
        String port = colon < 0 ? text : text.substring(colon + 1);
        try {
            int p = Integer.parseInt(port);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            return host.isEmpty() ? new InetSocketAddress(p) : new InetSocketAddress(InetAddress.getByName(host), p);
        } catch (NumberFormatException | UnknownHostException e) {
            throw new ConfigException(null, 0, "--listen", "'" + text + "' is not ADDRESS:PORT; write e.g."
                    + " 127.0.0.1:9871, :9871 or [::1]:9871");
        }
    }
}
