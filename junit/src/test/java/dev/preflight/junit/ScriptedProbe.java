package dev.preflight.junit;

import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;

/** A fake probe that always answers the same result: what a test needs from a probe, and nothing more. */
final class ScriptedProbe implements Probe {
    private final String id;
    private final String title;
    private final TargetKind kind;
    private final Result result;

    ScriptedProbe(String id, String title, TargetKind kind, Result result) {
        this.id = id;
        this.title = title;
        this.kind = kind;
        this.result = result;
    }

    static ScriptedProbe env(String id, String title, Result result) {
        return new ScriptedProbe(id, title, TargetKind.ENV, result);
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
        return kind;
    }

    @Override
    public Result check(ProbeContext context) {
        return result;
    }
}
