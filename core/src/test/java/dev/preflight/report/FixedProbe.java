package dev.preflight.report;

import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;

/** A web probe that always returns the same result. */
final class FixedProbe implements Probe {
    private final String id;
    private final String title;
    private final Result result;

    FixedProbe(String id, String title, Result result) {
        this.id = id;
        this.title = title;
        this.result = result;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.WEB;
    }

    @Override
    public Result check(ProbeContext context) {
        return result;
    }
}
