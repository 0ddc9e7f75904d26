package dev.preflight;

import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;

/** A provider whose constructor throws, as a broken third-party jar's might. */
public final class ThrowingConstructorProbe implements Probe {
    public ThrowingConstructorProbe() {
        throw new IllegalStateException("cannot read acme.properties");
    }

    @Override
    public String id() {
        return "acme.broken";
    }

    @Override
    public String title() {
        return "never constructed";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.WEB;
    }

    @Override
    public Result check(ProbeContext context) {
        return Result.pass("unreachable");
    }
}
