package dev.preflight.probe;

/**
 * One production-readiness check, discovered with {@link java.util.ServiceLoader}.
 *
 * <p>To add a probe: implement this interface in a class with a public no-argument constructor and
 * list the class in {@code META-INF/services/dev.preflight.probe.Probe}. Preflight runs the probe on
 * every configured target of its {@link #targetKind()}.
 *
 * <p><b>Contract.</b> Implementations are stateless and safe for concurrent use: the runner calls
 * {@link #check} for many targets at once, each with its own {@link ProbeContext}. A probe must not
 * keep anything from one call to the next.
 *
 * <p><b>Errors.</b> {@code check} may throw: the runner turns any exception into an
 * {@link Status#ERROR} result whose message is redacted. The runner redacts every result's texts
 * with the run's {@link ProbeContext#redactor()}, so a probe returns what it found without
 * redacting it; it masks only secrets the run cannot know, such as a key it found on the target. Return {@link Status#FAIL} when the target
 * answered and is non-compliant, including when what it answered is malformed; let a checked
 * exception such as an {@link java.io.IOException} (or {@link Status#ERROR}) express "could not
 * tell". An unchecked exception still becomes ERROR, but it is a bug: the test kit's contract test
 * flags it.
 *
 * <p><b>Deadlines.</b> Pass {@link ProbeContext#deadline()} to every client the probe uses. If the
 * probe is still running at its deadline the runner records ERROR, interrupts the probe's thread and
 * closes what the probe registered with {@link ProbeContext#onCancel}.
 *
 * <p><b>Ids.</b> Lower-case and dotted, {@code <area>.<check>}, e.g. {@code http.hsts}. Areas used by
 * Preflight's own modules ({@code env}, {@code tls}, {@code http}, {@code dns}, {@code postgres},
 * {@code redis}, {@code smtp}, {@code stripe}, {@code razorpay}, {@code net}, {@code storage},
 * {@code preflight}; see {@link dev.preflight.support.ProbeIds#RESERVED_AREAS}) are reserved: a probe class outside
 * {@code dev.preflight} that takes one is refused when it loads (an ERROR naming its class and jar)
 * or when it is added in code (a {@link dev.preflight.ConfigException}). Third-party probes use an
 * area of their own. Ids appear in users' configurations: never rename one.
 *
 * <pre>{@code
 * public final class RobotsTxtProbe implements Probe {
 *     public String id() { return "acme.robots-txt"; }
 *     public String title() { return "robots.txt allows crawling"; }
 *     public TargetKind targetKind() { return TargetKind.WEB; }
 *     public Result check(ProbeContext context) throws Exception {
 *         ...
 *         return Result.pass("robots.txt allows crawling");
 *     }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface Probe {

    /**
     * The stable id, matching {@code [a-z][a-z0-9]*(\.[a-z0-9][a-z0-9-]*)+}.
     *
     * @return e.g. {@code "http.hsts"}
     */
    String id();

    /**
     * What the probe verifies, as a checklist line.
     *
     * @return e.g. {@code "HSTS is enabled with a long max-age"}
     */
    String title();

    /**
     * The kind of target this probe applies to.
     *
     * @return the kind, not null
     */
    TargetKind targetKind();

    /**
     * Whether the probe writes or sends anything to the target (a test webhook, a test mail, a request
     * burst). The runner calls such a probe only when the run names its exact id ({@code --probe
     * http.rate-limit}; a glob such as {@code http.*} is not enough); otherwise it does not call
     * {@link #check} at all, records no outcome for it, and the report names it once among
     * {@link dev.preflight.Report#unnamedWriters()}. The probe itself need not check: when
     * {@code check} runs, writing is allowed.
     *
     * @return true if the probe has side effects; false by default
     */
    default boolean writes() {
        return false;
    }

    /**
     * Checks one target.
     *
     * @param context the target, its settings, the deadline and shared facilities
     * @return the verdict, not null
     * @throws Exception when the probe could not tell; the runner records {@link Status#ERROR}
     */
    Result check(ProbeContext context) throws Exception;
}
