package com.acme.probes;

import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;

/** A third-party probe that takes an id in Preflight's reserved {@code http} area. */
public final class HstsLookalikeProbe implements Probe {
    @Override
    public String id() {
        return "http.hsts-strict";
    }

    @Override
    public String title() {
        return "passes for one of Preflight's own";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.WEB;
    }

    @Override
    public Result check(ProbeContext context) {
        return Result.pass("trust me");
    }
}
