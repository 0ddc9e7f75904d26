package dev.preflight.testkit;

import dev.preflight.Preflight;
import dev.preflight.ProbeOutcome;
import dev.preflight.Report;
import dev.preflight.internal.DefaultProbeContext;
import dev.preflight.internal.SharedValues;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.internal.CancelAtDeadline;
import dev.preflight.testkit.internal.TargetCopy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Runs one probe on one target without the command line, through the same runner users get: its
 * deadline, redaction of secrets and handling of writing probes all apply.
 *
 * <pre>{@code
 * ProbeOutcome outcome = ProbeTestKit.forProbe(new CertificateExpiryProbe())
 *         .target(Target.web("https://127.0.0.1:8443"))
 *         .clock(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC))
 *         .setting("warn-days", "30")
 *         .run();
 * assertThat(outcome.result()).isWarn().hasSummaryContaining("expires in 12 days");
 * }</pre>
 *
 * <p>Defaults: the UTC system clock ({@link Clock#systemUTC()}), a 5 s deadline, the system's network
 * settings, and writes not allowed. What is set here wins over the target: a {@link #timeout} set
 * on the kit replaces the target's own. For a direct call, {@link #context()} gives the context the
 * runner would. Not thread-safe; each call to {@link #run()} runs the probe again.
 *
 * @since 0.1
 */
public final class ProbeTestKit {
    /** The deadline of each run unless {@link #timeout} or the target sets one. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final Probe probe;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private Target target;
    private Clock clock = Clock.systemUTC();
    private Duration timeout;
    private NetworkSettings network = NetworkSettings.system();
    private boolean allowWrites;

    private ProbeTestKit(Probe probe) {
        this.probe = Objects.requireNonNull(probe, "'probe' must not be null");
    }

    /**
     * @param probe the probe to test
     * @return a kit for it, with the defaults above
     */
    public static ProbeTestKit forProbe(Probe probe) {
        return new ProbeTestKit(probe);
    }

    /**

     * @param target the target to check; its kind must be the probe's

     * @return this kit

     */
    public ProbeTestKit target(Target target) {
        this.target = Objects.requireNonNull(target, "'target' must not be null");
        return this;
    }

    /**

     * @param clock the clock the probe judges dates with; default {@link Clock#systemUTC()}

     * @return this kit

     */
    public ProbeTestKit clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
        return this;
    }

    /**

     * @param timeout the probe's deadline, replacing the target's; default 5 s

     * @return this kit

     */
    public ProbeTestKit timeout(Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("'timeout' must be positive");
        }
        this.timeout = timeout;
        return this;
    }

    /**
     * Sets one of the probe's settings, as {@code preflight.yml} would on the target.
     *
     * @param key relative to the probe's id: {@code warn-days} sets {@code <probe-id>.warn-days}
     * @param value the raw value
     * @return this kit
     */
    public ProbeTestKit setting(String key, String value) {
        settings.put(probe.id() + "." + Objects.requireNonNull(key, "'key' must not be null"),
                Objects.requireNonNull(value, "'value' must not be null"));
        return this;
    }

    /**

     * @param network host overrides, DNS server, extra CAs; default {@link NetworkSettings#system()}

     * @return this kit

     */
    public ProbeTestKit network(NetworkSettings network) {
        this.network = Objects.requireNonNull(network, "'network' must not be null");
        return this;
    }

    /**
     * Whether a writing probe may run, as if the user had named its id; default false. Without it, a
     * probe whose {@link Probe#writes()} is true is never called: the runner leaves it out, and
     * {@link #context()} refuses to hand over a context for it.
     *
     * @param allowWrites whether to name the probe's id
     * @return this kit
     */
    public ProbeTestKit allowWrites(boolean allowWrites) {
        this.allowWrites = allowWrites;
        return this;
    }

    /**
     * Runs the probe through the runner. A writing probe without {@link #allowWrites} is not called:
     * the runner records no outcome for it, and this method stands in a SKIP outcome saying so, with
     * a zero duration (the report of {@link #runReport()} lists it in {@code unnamedWriters()} instead).
     *
     * @return the one outcome, already redacted, with the runner's duration
     * @throws IllegalStateException if no target is set or its kind is not the probe's
     * @throws dev.preflight.ConfigException if the probe's id is malformed, or in an area Preflight
     *     reserves while the probe's class is not Preflight's
     */
    public ProbeOutcome run() {
        Report report = runReport();
        if (report.outcomes().isEmpty() && report.unnamedWriters().contains(probe.id())) {
            return new ProbeOutcome(probe.id(), probe.title(), target.name(), target.kind(), target.location(),
                    Result.skip("not run: " + probe.id() + " writes to or sends requests to its target, and the run"
                            + " did not name it (call allowWrites(true))"), Duration.ZERO, null, false);
        }
        if (report.outcomes().size() != 1) {
            throw new IllegalStateException("expected one outcome, got " + report.outcomes());
        }
        return report.outcomes().get(0);
    }

    /**
     * Runs the probe through the runner and keeps the whole report, e.g. to render it.
     *
     * @return a report of one outcome, or of none for a writing probe without {@link #allowWrites}
     * @throws IllegalStateException if no target is set or its kind is not the probe's
     * @throws dev.preflight.ConfigException if the probe's id is malformed, or in an area Preflight
     *     reserves while the probe's class is not Preflight's
     */
    public Report runReport() {
        Preflight.Builder builder = Preflight.builder().discoverProbes(false).addProbe(probe)
                .target(effectiveTarget(true)).clock(clock).network(network).timeout(DEFAULT_TIMEOUT);
        if (allowWrites) {
            builder.probes(probe.id());
        }
        return builder.build().run();
    }

    /**
     * The context the runner would hand the probe, for calling {@code probe.check(context)} directly:
     * settings, clock, network, a deadline {@link #timeout} from now, and a redactor that knows the
     * target's secrets. Resources registered with {@code onCancel} are closed at the deadline; nothing
     * interrupts the calling thread, and nothing redacts the result. Like the runner, the kit lets a
     * writing probe run only when named: for one, call {@link #allowWrites} first.
     *
     * @return a new context
     * @throws IllegalStateException if no target is set or its kind is not the probe's, or if the probe
     *     writes and {@link #allowWrites} is not set
     */
    public ProbeContext context() {
        if (probe.writes() && !allowWrites) {
            throw new IllegalStateException(probe.id() + " writes to or sends requests to its target, so the runner"
                    + " calls it only when named: call allowWrites(true) before context()");
        }
        Target effective = effectiveTarget(false);
        Duration budget = effective.timeout().orElse(DEFAULT_TIMEOUT);
        Instant deadline = Instant.now().plus(budget);
        // A run without probes: only for the redactor, which Preflight derives from the targets.
        Preflight config = Preflight.builder().discoverProbes(false).target(effective).build();
        CancelAtDeadline hooks = CancelAtDeadline.at(deadline);
        return new DefaultProbeContext(probe.id(), effective, deadline, clock, config.redactor(), network,
                probe.writes(), hooks::add, new SharedValues(), SharedValues.Waiter.NONE);
    }

    private Target effectiveTarget(boolean keepSelection) {
        if (target == null) {
            throw new IllegalStateException("no target: call target(...) before running " + probe.id());
        }
        if (!target.kind().equals(probe.targetKind())) {
            throw new IllegalStateException(probe.id() + " checks " + probe.targetKind() + " targets, but "
                    + target.name() + " is a " + target.kind() + " target");
        }
        return TargetCopy.of(target, settings, timeout, keepSelection);
    }
}
