package dev.preflight.http.internal;

import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.SharedKey;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Every address a host name stands for, found the way the run was told to: host overrides first
 * (several for one host check several nodes), then the configured DNS server, then the system
 * resolver. Every lookup is bounded by the probe's deadline: the system resolver has no timeout of
 * its own, so it runs on a helper thread that the probe stops waiting for.
 */
public final class Addresses {
    private static final ExecutorService LOOKUPS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "preflight-dns-lookup");
        t.setDaemon(true);
        return t;
    });

    private Addresses() {
    }

    /**
     * Resolves once per target and run; the target's probes share the answer.
     *
     * @param host a host name or IP literal
     * @param port the port, to match host overrides
     * @param context the probe's context
     * @return the addresses, never empty
     * @throws Exception {@link UnknownHostException} if the name has no address, or a timeout
     */
    public static List<InetAddress> of(String host, int port, ProbeContext context) throws Exception {
        return context.shared(SharedKey.listOf("net.addresses:" + host + ":" + port, InetAddress.class,
                SharedKey.Scope.TARGET), () -> resolve(host, port, context));
    }

    private static List<InetAddress> resolve(String host, int port, ProbeContext context) throws IOException {
        List<InetAddress> overrides = context.network().overridesFor(host, port);
        if (!overrides.isEmpty()) {
            return overrides;
        }
        if (Hosts.isIpLiteral(host)) {
            return List.of(InetAddress.getByName(host));
        }
        InetSocketAddress server = context.network().dnsServer().orElse(null);
        return server != null ? askServer(host, server, context) : askSystem(host, context);
    }

    private static List<InetAddress> askServer(String host, InetSocketAddress server, ProbeContext context)
            throws IOException {
        SimpleResolver resolver = new SimpleResolver(server);
        Duration left = context.remaining();
        if (left.isZero()) {
            throw new SocketTimeoutException("no time left to resolve " + host);
        }
        resolver.setTimeout(left);
        List<InetAddress> found = new ArrayList<>();
        for (int type : new int[] {Type.A, Type.AAAA}) {
            Lookup lookup = new Lookup(host, type);
            lookup.setResolver(resolver);
            lookup.setCache(null);
            Record[] records = lookup.run();
            if (lookup.getResult() == Lookup.TRY_AGAIN) {
                if (context.remaining().isZero()) {
                    throw new SocketTimeoutException("the DNS server " + server + " did not answer before the deadline");
                }
                throw new UnknownHostException("the DNS server " + server.getAddress().getHostAddress() + ":"
                        + server.getPort() + " gave no answer (" + lookup.getErrorString() + ")");
            }
            for (Record r : records == null ? new Record[0] : records) {
                if (r instanceof ARecord a) {
                    found.add(a.getAddress());
                } else if (r instanceof AAAARecord aaaa) {
                    found.add(aaaa.getAddress());
                }
            }
        }
        if (found.isEmpty()) {
            throw new UnknownHostException(host + " has no A or AAAA record at " + server);
        }
        return List.copyOf(found);
    }

    private static List<InetAddress> askSystem(String host, ProbeContext context) throws IOException {
        CompletableFuture<List<InetAddress>> lookup = CompletableFuture.supplyAsync(() -> {
            try {
                return Arrays.asList(InetAddress.getAllByName(host));
            } catch (UnknownHostException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, LOOKUPS);
        try {
            return List.copyOf(lookup.get(Math.max(1, context.remaining().toNanos()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            throw new SocketTimeoutException("resolving " + host + " took longer than the deadline");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot resolve " + host, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while resolving " + host);
        }
    }
}
