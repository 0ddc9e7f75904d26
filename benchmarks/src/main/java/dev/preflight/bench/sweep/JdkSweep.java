package dev.preflight.bench.sweep;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The floor for any JVM client: per site one TLS handshake with SNI, the chain validated by the JDK
 * (PKIX against the bench root, host name checked) and one {@code HEAD /} over TCP_NODELAY, 16 sites
 * at a time, in a JVM of its own. Prints one {@link Figures} line per run.
 *
 * <p>Arguments: {@code PORT SITES CA_FILE [RUNS [NGINX_PID]]}; with nginx's pid, its CPU is measured too.
 */
public final class JdkSweep {
    private JdkSweep() {
    }

    /** @param args port, site count, CA file, runs (default 1), nginx's master pid (optional) */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        SSLContext tls = trusting(Path.of(args[2]));
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        ProcessHandle nginx = args.length > 4 ? ProcessHandle.of(Long.parseLong(args[4])).orElse(null) : null;
        for (int run = 1; run <= runs; run++) {
            AtomicInteger ok = new AtomicInteger();
            List<String> failures = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            long cpu0 = PreflightSweep.processCpuNanos();
            long server0 = nginx == null ? 0 : ProcStats.treeCpuNanos(nginx);
            long t0 = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                String host = SweepSites.name(i);
                done.add(pool.submit(() -> {
                    try {
                        String status = headOverTls(tls, host, port);
                        if (status.startsWith("HTTP/1.1 200")) {
                            ok.incrementAndGet();
                        } else {
                            synchronized (failures) {
                                failures.add(host + ": " + status);
                            }
                        }
                    } catch (IOException e) {
                        synchronized (failures) {
                            failures.add(host + ": " + e);
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            long wall = System.nanoTime() - t0;
            long cpu = PreflightSweep.processCpuNanos() - cpu0;
            pool.shutdown();
            String tool = "bare JDK" + (run == 1 ? " (cold JVM)" : " (warm, run " + run + ")");
            System.out.println(new Figures(tool, "handshake (PKIX, host name) + HEAD", count, wall, cpu, "the JDK client's JVM",
                    PreflightSweep.processCpuNanos(), ProcStats.peakRssKib(ProcessHandle.current().pid()),
                    nginx == null ? -1 : ProcStats.treeCpuNanos(nginx) - server0,
                    "OK " + ok.get() + " FAILED " + failures.size()).toLine());
            failures.stream().limit(5).forEach(f -> System.out.println("  FAILED " + f));
        }
    }

    /**
     * The floor as a whole process, as the CLI row is measured: this sweep (16 at a time, one run) in a
     * JVM of {@code java} on the PATH with {@code bin/preflight}'s options for a check and the JDK's own
     * class data archive, timed by GNU time from the JVM's start to its exit.
     *
     * @param port nginx's HTTPS port
     * @param count how many sites
     * @param caFile the bench root (PEM)
     * @param workDir where GNU time's figures go
     * @return its row, with the outcome counts the child printed
     */
    static Figures asProcess(int port, int count, Path caFile, Path workDir) throws Exception {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(CliSweep.launcherOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), JdkSweep.class.getName(),
                String.valueOf(port), String.valueOf(count), caFile.toString(), "1"));
        CliSweep.Timed t = CliSweep.time(workDir, command);
        Figures child = t.standardOutput().lines().filter(line -> line.startsWith(Figures.PREFIX)).findFirst()
                .map(Figures::parse)
                .orElseThrow(() -> new IOException("the bare JDK client printed no figures: " + t.output()));
        long nanos = Math.round(t.wallSeconds() * 1e9);
        long cpu = Math.round(t.cpuSeconds() * 1e9);
        return new Figures("bare JDK, whole process", "the floor: handshake + HEAD; JVM start incl.", count, nanos,
                cpu, "the whole process (GNU time)", cpu, t.peakRssKib(), -1, child.results());
    }

    private static String headOverTls(SSLContext tls, String host, int port) throws IOException {
        Socket plain = new Socket();
        // Without it, Nagle's algorithm holds the request behind the unacknowledged Finished message
        // until the server's delayed ACK (about 40 ms on Linux): a floor must not pay that.
        plain.setTcpNoDelay(true);
        plain.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        plain.setSoTimeout(10_000);
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(plain, host, port, true)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(host)));
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write(("HEAD / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return statusLine(socket.getInputStream());
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1).strip();
    }

    private static SSLContext trusting(Path caFile) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            store.setCertificateEntry("bench-root", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
