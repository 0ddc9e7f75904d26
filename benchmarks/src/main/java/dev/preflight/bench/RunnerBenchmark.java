package dev.preflight.bench;

import dev.preflight.Preflight;
import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the runner's figures: many waiting probes finish in about one wait, and probes against a
 * server that accepts and never answers end at their deadline.
 */
public final class RunnerBenchmark {
    private RunnerBenchmark() {
    }

    /** @param args ignored */
    public static void main(String[] args) throws IOException {
        for (int round = 1; round <= 3; round++) {
            sleepingProbes(round);
        }
        silentServer();
    }

    private static void sleepingProbes(int round) {
        Preflight.Builder b = Preflight.builder().discoverProbes(false);
        for (int i = 0; i < 200; i++) {
            b.addProbe(new WaitingProbe("bench.wait" + i));
        }
        long t0 = System.nanoTime();
        Report report = b.target(Target.web("https://bench.invalid")).build().run();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "runner: 200 probes each waiting 300 ms, run %d: %d PASS, wall %d ms (goal < 1000 ms)%n",
                round, report.count(Status.PASS), ms);
    }

    private static void silentServer() throws IOException {
        Duration deadline = Duration.ofMillis(1000);
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket s = server.accept();
                        synchronized (accepted) {
                            accepted.add(s);
                        }
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Preflight.Builder b = Preflight.builder().discoverProbes(false).timeout(deadline);
            for (int i = 0; i < 50; i++) {
                b.addProbe(new SilentServerProbe("bench.silent" + i, server.getLocalPort()));
            }
            long t0 = System.nanoTime();
            Report report = b.target(Target.web("https://bench.invalid")).build().run();
            long wall = (System.nanoTime() - t0) / 1_000_000;
            long errors = report.outcomes().stream().filter(o -> o.status() == Status.ERROR).count();
            long[] ms = report.outcomes().stream().map(ProbeOutcome::duration).mapToLong(Duration::toMillis).sorted().toArray();
            long limit = deadline.toMillis() * 110 / 100;
            long within = report.outcomes().stream().filter(o -> o.duration().toMillis() <= limit).count();
            System.out.printf(Locale.ROOT, "runner: 50 probes vs a server that accepts and never answers, deadline %d ms: "
                    + "%d ERROR, %d within deadline+10%% (%d ms); per probe min %d / median %d / max %d ms; wall %d ms%n",
                    deadline.toMillis(), errors, within, limit, ms[0], ms[ms.length / 2], ms[ms.length - 1], wall);
        } finally {
            synchronized (accepted) {
                for (Socket s : accepted) {
                    s.close();
                }
            }
        }
    }

    /** Waits like a probe waiting on a slow network answer. */
    private record WaitingProbe(String id) implements Probe {
        @Override
        public String title() {
            return "waits 300 ms";
        }

        @Override
        public TargetKind targetKind() {
            return TargetKind.WEB;
        }

        @Override
        public Result check(ProbeContext context) throws InterruptedException {
            Thread.sleep(300);
            return Result.pass("waited");
        }
    }

    /** Connects and reads with no socket timeout of its own: only the runner's deadline ends it. */
    private record SilentServerProbe(String id, int port) implements Probe {
        @Override
        public String title() {
            return "reads from a silent server";
        }

        @Override
        public TargetKind targetKind() {
            return TargetKind.WEB;
        }

        @Override
        public Result check(ProbeContext context) throws IOException {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            context.onCancel(socket);
            try (InputStream in = socket.getInputStream()) {
                in.read();
            }
            return Result.pass("answered");
        }
    }
}
