package dev.preflight.testkit.internal;

import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import java.util.concurrent.CompletableFuture;

/** Calls a probe's {@code check} on a thread of its own, so that a probe that hangs cannot hang the test. */
final class DirectCall {

    private DirectCall() {
    }

    static CompletableFuture<Result> start(Probe probe, ProbeContext context) {
        CompletableFuture<Result> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(probe.check(context));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "preflight-contract-" + ProbeLabel.of(probe));
        thread.setDaemon(true);
        thread.start();
        return result;
    }
}
