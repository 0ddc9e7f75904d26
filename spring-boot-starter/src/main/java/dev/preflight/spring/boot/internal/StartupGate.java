package dev.preflight.spring.boot.internal;

import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.probe.Status;
import dev.preflight.spring.boot.PreflightGateException;
import dev.preflight.spring.boot.PreflightProperties.FailOn;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Runs the checks once when the application is ready and, unless the setting is {@code never},
 * throws {@link PreflightGateException} for the outcomes it names, which makes Spring Boot stop the
 * application. ERROR outcomes never stop start-up (the check could not tell, and a service should not
 * fail to start because a dependency was briefly unreachable); they are logged as warnings. The run
 * fills the health cache.
 */
public final class StartupGate implements ApplicationListener<ApplicationReadyEvent> {
    private static final Log LOG = LogFactory.getLog(StartupGate.class);

    private final CachedRuns runs;
    private final FailOn failOn;

    /**
     * @param runs the shared cache of runs
     * @param failOn which outcomes stop start-up
     */
    public StartupGate(CachedRuns runs, FailOn failOn) {
        this.runs = runs;
        this.failOn = failOn;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (failOn == FailOn.NEVER) {
            return;
        }
        Report report = runs.refresh();
        for (ProbeOutcome o : report.outcomes()) {
            if (!o.waived() && o.status() == Status.ERROR) {
                LOG.warn("Preflight could not check " + o.probeId() + " on " + o.target() + ": " + o.result().summary());
            }
        }
        List<ProbeOutcome> problems = report.outcomes().stream().filter(this::stops).toList();
        if (!problems.isEmpty()) {
            throw new PreflightGateException(problems);
        }
    }

    private boolean stops(ProbeOutcome o) {
        return !o.waived() && (o.status() == Status.FAIL || failOn == FailOn.WARN && o.status() == Status.WARN);
    }
}
