package dev.preflight.host;

import dev.preflight.host.internal.OpenPortsCheck;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import java.net.URI;

/**
 * {@code net.host-open-ports}: {@code net.open-ports} for a plain host rather than a web site: a
 * database server, a worker, a bastion. Same scan, settings, verdicts and details; see
 * {@link OpenPortsProbe}. Runs only when named.
 *
 * <p>The target is of kind {@code host}: {@code kind: host} with the attribute {@code host} (a
 * name or an IP address), or a {@code url:} whose host is taken.
 *
 * <pre>{@code
 * targets:
 *   db-box:
 *     kind: host
 *     attributes:
 *       host: db1.shop.example.net
 *     settings:
 *       net.host-open-ports.expected: 22
 * }</pre>
 *
 * <p>SKIP when the target names no host. Stateless and thread-safe.
 *
 * @since 0.3
 */
public final class HostOpenPortsProbe implements Probe {
    @Override
    public String id() {
        return "net.host-open-ports";
    }

    @Override
    public String title() {
        return "Only the expected ports of the host accept connections";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.HOST;
    }

    /** @return true: a port scan runs only when named */
    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public Result check(ProbeContext context) throws Exception {
        String host = context.target().attribute("host")
                .or(() -> context.target().uri().map(URI::getHost)).map(String::strip).orElse("");
        if (host.isEmpty()) {
            return Result.skip("the target names no host: set the attribute host, e.g. host: db1.shop.example.net");
        }
        return OpenPortsCheck.check(context, host, 0);
    }
}
