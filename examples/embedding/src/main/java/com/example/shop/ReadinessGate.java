package com.example.shop;

import dev.preflight.Preflight;
import dev.preflight.Report;
import dev.preflight.probe.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An application's startup check, as the README's "Use it from Java" shows it: refuse to start in
 * production with a FAIL or ERROR outstanding.
 */
public final class ReadinessGate {
    private final AtomicInteger finished = new AtomicInteger();
    private final Preflight preflight;

    /**
     * @param config the application's preflight.yml
     * @param api an extra target built in code
     */
    public ReadinessGate(Path config, String api) {
        // tag::builder[]
        preflight = Preflight.builder()
                .config(config)                         // needs preflight-config; what code sets wins
                .target(Target.web(api))
                .probes("env.*")                        // ids or globs: "tls.*", "http.hsts"
                .timeout(Duration.ofSeconds(5))         // each probe's deadline (default 10s)
                .parallelism(16)                        // probes at once (default 16 per core)
                .listener(outcome -> finished.incrementAndGet())  // each result as it finishes
                .build();
        // end::builder[]
    }

    /** @return whether the application may start */
    public boolean mayStart() {
        // tag::run[]
        Report report = preflight.run();
        report.outcomes().stream().filter(o -> o.isProblem(false)).forEach(o ->
                System.err.printf("%s on %s: %s%n  fix: %s%n", o.probeId(), o.target(), o.result().summary(),
                        o.result().remediation().orElse("-")));
        return report.isSuccessful(false);
        // end::run[]
    }

    /** @return a run on another thread; cancelling it stops the probes */
    public CompletableFuture<Report> inBackground() {
        return preflight.runAsync();
    }

    /** @return how many results the listener has seen */
    public int finished() {
        return finished.get();
    }

    /**
     * The one-line shortcut.
     *
     * @param url a URL
     * @return the report of every probe that applies to it
     */
    public static Report quickCheck(String url) {
        return Preflight.check(url);
    }
}
