package dev.preflight.host.internal;

import dev.preflight.net.Network;
import dev.preflight.probe.ProbeContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Tries every port on every address with a bare TCP connect, closed as soon as it is made: nothing
 * is sent. A few attempts run at once; each may wait its fair share of the time left, at most the
 * configured limit, before a silent port counts as filtered. Attempts the deadline leaves no time for
 * are {@link PortState#NOT_TRIED}.
 */
public final class PortScan {
    /** A handful of SYNs at a time: fast enough for ~40 ports, gentle on the host and the firewall. */
    public static final int PARALLEL = 8;
    /** Below this, silence says more about the deadline than about a firewall. */
    private static final Duration FLOOR = Duration.ofMillis(250);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ProbeContext context;
    private final Network network;
    private final Duration limit;

    /**
     * @param context the check's context, whose deadline bounds the whole scan
     * @param limit the most one attempt waits for an answer
     */
    public PortScan(ProbeContext context, Duration limit) {
        this.context = context;
        this.network = Network.of(context);
        this.limit = limit;
    }

    /**
     * @param addresses the host's addresses
     * @param ports the ports to try on each
     * @return one attempt per address and port, in that order
     * @throws InterruptedException if the check was cancelled; the workers are stopped first
     */
    public List<Attempt> run(List<InetAddress> addresses, List<Integer> ports) throws InterruptedException {
        List<Attempt> planned = new ArrayList<>();
        addresses.forEach(a -> ports.forEach(p -> planned.add(new Attempt(a, p, PortState.NOT_TRIED))));
        Duration each = share(planned.size());
        AtomicReferenceArray<PortState> states = new AtomicReferenceArray<>(planned.size());
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(PARALLEL, Math.max(1, planned.size())), r -> {
            Thread t = new Thread(r, "preflight-port-scan-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < planned.size(); i++) {
                int index = i;
                workers.execute(() -> states.set(index, attempt(planned.get(index), each)));
            }
            workers.shutdown();
            if (!workers.awaitTermination(context.remaining().toNanos(), TimeUnit.NANOSECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            throw e;
        }
        List<Attempt> done = new ArrayList<>(planned.size());
        for (int i = 0; i < planned.size(); i++) {
            PortState state = states.get(i);
            Attempt a = planned.get(i);
            done.add(new Attempt(a.address(), a.port(), state == null ? PortState.NOT_TRIED : state));
        }
        return done;
    }

    /** @return how long one silent port may be waited for: what a fair share of the time left allows */
    private Duration share(int attempts) {
        long rounds = Math.max(1, (attempts + PARALLEL - 1) / PARALLEL);
        Duration fair = context.remaining().multipliedBy(9).dividedBy(10 * rounds);
        Duration floored = fair.compareTo(FLOOR) < 0 ? FLOOR : fair;
        return floored.compareTo(limit) > 0 ? limit : floored;
    }

    private PortState attempt(Attempt planned, Duration each) {
        if (Thread.currentThread().isInterrupted() || context.remaining().compareTo(FLOOR) < 0) {
            return PortState.NOT_TRIED;
        }
        boolean fullLimit = context.remaining().compareTo(each) >= 0;
        try (Socket ignored = network.connect(planned.address(), planned.port(), each)) {
            return PortState.OPEN;
        } catch (IOException e) {
            return ConnectOutcomes.of(e, fullLimit);
        }
    }
}
