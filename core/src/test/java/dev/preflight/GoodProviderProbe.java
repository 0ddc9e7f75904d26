package dev.preflight;

import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;

/** A well-behaved provider found through a services file. */
public final class GoodProviderProbe implements Probe {
    @Override
    public String id() {
        return "acme.good";
    }

    @Override
    public String title() {
        return "a good provider";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.WEB;
    }

    @Override
    public Result check(ProbeContext context) {
        return Result.pass("fine");
    }
}
