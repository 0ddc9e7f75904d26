package dev.preflight.host.internal;

import dev.preflight.net.Network;
import dev.preflight.net.NetworkFailures;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.support.Stage;
import dev.preflight.support.TemplateHosts;
import java.io.IOException;
import java.net.InetAddress;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The port scan of one host and its verdict, shared by the web and host forms of the probe. */
public final class OpenPortsCheck {
    private static final String CLOSE_IT = "Close it to the networks Preflight ran from: allow the port only from the"
            + " application's private network in the firewall or cloud security group, and bind the service to a"
            + " private interface or 127.0.0.1 (e.g. Redis bind, PostgreSQL listen_addresses, Docker's -H). If the port"
            + " is meant to be public, add it to the setting expected.";

    private OpenPortsCheck() {
    }

    /**
     * @param context the check's context
     * @param host the host to scan
     * @param sitePort the port the target itself uses (expected open), or 0
     * @return the verdict
     * @throws InterruptedException if the check was cancelled
     */
    public static Result check(ProbeContext context, String host, int sitePort) throws InterruptedException {
        Optional<String> template = TemplateHosts.reason(host, Stage.of(context.target()));
        if (template.isPresent()) {
            return Result.fail("not scanned: " + template.get(), "Point the target at your own host: a port scan of"
                    + " a template host would probe somebody else's machine.");
        }
        PortPlan plan = PortPlan.read(context.settings(), sitePort > 0 ? List.of(sitePort) : List.of());
        if (plan.judged().isEmpty()) {
            return Result.skip("nothing to judge: every port to try is expected (" + new TreeSet<>(plan.expected())
                    + "); list others in ports or extra-ports");
        }
        List<InetAddress> addresses;
        try {
            addresses = Network.of(context).addresses(host, sitePort);
        } catch (IOException e) {
            return Result.error(NetworkFailures.describe(e, host), e);
        }
        List<Attempt> attempts = new PortScan(context, plan.limit()).run(addresses, plan.ports());
        return judge(host, addresses, plan, attempts);
    }

    /**
     * @param host the host scanned
     * @param addresses its addresses
     * @param plan what was tried
     * @param attempts what each attempt found
     * @return FAIL for an open datastore or admin port, WARN for another unexpected open port, ERROR
     *     when some attempts could not tell and nothing was found, PASS otherwise
     */
    public static Result judge(String host, List<InetAddress> addresses, PortPlan plan, List<Attempt> attempts) {
        List<Attempt> judged = attempts.stream().filter(a -> plan.judged().containsKey(a.port())).toList();
        Map<PortState, Long> counts = new EnumMap<>(PortState.class);
        judged.forEach(a -> counts.merge(a.state(), 1L, Long::sum));
        List<Attempt> open = judged.stream().filter(a -> a.state() == PortState.OPEN).toList();
        List<Attempt> critical = open.stream()
                .filter(a -> plan.judged().get(a.port()).exposure() == Exposure.CRITICAL).toList();
        List<Attempt> unexpected = open.stream().filter(a -> !critical.contains(a)).toList();
        long unknown = counts.getOrDefault(PortState.NOT_TRIED, 0L) + counts.getOrDefault(PortState.UNREACHABLE, 0L);
        String of = " (" + judged.size() + " attempts on " + addresses.size() + " address"
                + (addresses.size() == 1 ? "" : "es") + " of " + host + ")";
        Result.Builder result;
        if (!critical.isEmpty()) {
            result = Result.builder(Status.FAIL).summary(describe(critical, plan) + " accept"
                    + (critical.size() == 1 ? "s" : "") + " connections from where Preflight runs"
                    + (unexpected.isEmpty() ? "" : "; also open: " + describe(unexpected, plan)))
                    .remediation(CLOSE_IT).subject(critical.get(0).endpoint());
        } else if (!unexpected.isEmpty()) {
            result = Result.builder(Status.WARN).summary(describe(unexpected, plan) + " accept"
                    + (unexpected.size() == 1 ? "s" : "") + " connections, and no setting expects "
                    + (unexpected.size() == 1 ? "it" : "them"))
                    .remediation(CLOSE_IT).subject(unexpected.get(0).endpoint());
        } else if (unknown > 0) {
            result = Result.builder(Status.ERROR).summary(unknown + " of " + judged.size() + " attempts could not tell"
                    + " whether the port is open (" + counts.getOrDefault(PortState.NOT_TRIED, 0L)
                    + " cut short by the deadline, " + counts.getOrDefault(PortState.UNREACHABLE, 0L)
                    + " unreachable); none of the others is open" + of);
        } else {
            result = Result.builder(Status.PASS).summary("no unexpected port accepts connections: "
                    + counts.getOrDefault(PortState.REFUSED, 0L) + " refused, "
                    + counts.getOrDefault(PortState.FILTERED, 0L) + " filtered" + of);
        }
        counts.forEach((state, n) -> result.detail(state.name().toLowerCase(Locale.ROOT).replace('_', '-'), n));
        result.detail("addresses", addresses.stream().map(InetAddress::getHostAddress).toList());
        result.detail("open-ports", open.stream()
                .map(a -> a.endpoint() + " " + plan.judged().get(a.port()).service()).toList());
        result.detail("expected", expectedStates(plan, attempts));
        result.detail("wait-per-port", plan.limit().toMillis() + "ms at most");
        return result.build();
    }

    /** How each expected port answered: information only, the service's own probes judge it. */
    private static String expectedStates(PortPlan plan, List<Attempt> attempts) {
        return new TreeSet<>(plan.expected()).stream().map(port -> port + " " + attempts.stream()
                .filter(a -> a.port() == port).map(a -> a.state().name().toLowerCase(Locale.ROOT))
                .distinct().collect(Collectors.joining("/")))
                .collect(Collectors.joining(", "));
    }

    private static String describe(List<Attempt> open, PortPlan plan) {
        return open.stream().map(a -> plan.judged().get(a.port()).label() + " on " + a.address().getHostAddress())
                .collect(Collectors.joining(", "));
    }
}
