package dev.preflight;

import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;

/** A probe whose check is a lambda: the fake the runner tests drive. */
final class ScriptedProbe implements Probe {
    interface Body {
        Result check(ProbeContext context) throws Exception;
    }

    private final String id;
    private final TargetKind kind;
    private final boolean writes;
    private final Body body;

    ScriptedProbe(String id, TargetKind kind, Body body) {
        this(id, kind, false, body);
    }

    ScriptedProbe(String id, TargetKind kind, boolean writes, Body body) {
        this.id = id;
        this.kind = kind;
        this.writes = writes;
        this.body = body;
    }

    static ScriptedProbe web(String id, Body body) {
        return new ScriptedProbe(id, TargetKind.WEB, body);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return "scripted " + id;
    }

    @Override
    public TargetKind targetKind() {
        return kind;
    }

    @Override
    public boolean writes() {
        return writes;
    }

    @Override
    public Result check(ProbeContext context) throws Exception {
        return body.check(context);
    }
}
