package dev.preflight.dns;

import dev.preflight.dns.internal.DomainNames;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import java.util.Optional;

/**
 * A probe of a domain: every DNS probe applies to {@code DOMAIN} targets and skips one that names no
 * domain, the same way, before asking anything.
 */
abstract class DomainProbe implements Probe {

    @Override
    public final TargetKind targetKind() {
        return TargetKind.DOMAIN;
    }

    @Override
    public final Result check(ProbeContext context) throws Exception {
        Optional<String> domain = DomainNames.of(context.target());
        if (domain.isEmpty()) {
            return Result.skip("the target names no domain");
        }
        return check(context, domain.get());
    }

    /**
     * @param context the check's context
     * @param domain the target's domain, lower case, without a trailing dot
     * @return the verdict
     * @throws Exception as {@link Probe#check(ProbeContext)}: the runner makes it an ERROR
     */
    abstract Result check(ProbeContext context, String domain) throws Exception;
}
