package dev.preflight.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.TestExecutionResult.Status.ABORTED;
import static org.junit.platform.engine.TestExecutionResult.Status.FAILED;
import static org.junit.platform.engine.TestExecutionResult.Status.SUCCESSFUL;

import dev.preflight.testkit.fixture.MisbehavingProbesFixture;
import dev.preflight.testkit.fixture.ThirdPartyProbesFixture;
import dev.preflight.testkit.fixture.WellBehavedProbesFixture;
import org.junit.jupiter.api.Test;

/** The contract passes probes that keep it and fails, precisely and with a reason, those that do not. */
class ContractFixturesTest {
    private static final String DESCRIBES = "has a well-formed id, a title and a target kind";
    private static final String RESERVED = "stays out of the id areas Preflight reserves";
    private static final String REGISTERED = "is registered for ServiceLoader";
    private static final String RESULT = "returns a result: never null, never an exception";
    private static final String DEADLINE = "stops at its deadline when the server never answers";
    private static final String REPORTS = "shows no planted secret in any report format";
    private static final String WRITES = "runs only when named if it writes";
    private static final String DISTINCT = "lists at least one probe and no id twice";
    private static final String COVERS = "covers every probe its packages register";

    @Test
    void wellBehavedProbesPassEveryCheck() {
        FixtureRun run = FixtureRun.of(WellBehavedProbesFixture.class);

        assertThat(run.with(FAILED)).isEmpty();
        assertThat(run.with(ABORTED)).isEmpty();
        // 2 single tests, 6 contracts for 4 probes, and the deadline check for the 2 network probes.
        assertThat(run.with(SUCCESSFUL)).hasSize(2 + 6 * 4 + 2)
                .contains(DEADLINE + " › fixture.banner", DEADLINE + " › fixture.ping-write")
                .doesNotContain(DEADLINE + " › fixture.debug-off");
        // It copies a planted key into its result: the runner's redaction keeps it out of every report.
        assertThat(run.with(SUCCESSFUL)).contains(REPORTS + " › fixture.key-echo");
    }

    /** Run once: the hanging probe makes it take some 15 s. */
    private static FixtureRun misbehaving;

    private static synchronized FixtureRun misbehaving() {
        if (misbehaving == null) {
            misbehaving = FixtureRun.of(MisbehavingProbesFixture.class);
        }
        return misbehaving;
    }

    @Test
    void misbehavingProbesFailExactlyWhereTheyBreakTheContract() {
        FixtureRun run = misbehaving();

        assertThat(run.with(FAILED)).containsExactlyInAnyOrder(
                DESCRIBES + " › Fixture_Bad",
                REGISTERED + " › Fixture_Bad",
                RESULT + " › fixture.null-result",
                RESULT + " › fixture.crashing",
                DEADLINE + " › fixture.hanging");
        // The runner refuses a malformed id, so the checks that need it step aside instead of repeating that.
        assertThat(run.with(ABORTED)).containsExactlyInAnyOrder(
                RESULT + " › Fixture_Bad", REPORTS + " › Fixture_Bad", WRITES + " › Fixture_Bad");
    }

    @Test
    void failureMessagesSayWhatIsWrongAndHowToFixIt() {
        FixtureRun run = misbehaving();

        assertThat(run.message(DESCRIBES + " › Fixture_Bad")).contains("id 'Fixture_Bad'", "is malformed");
        assertThat(run.message(REGISTERED + " › Fixture_Bad"))
                .contains("MalformedIdProbe", "META-INF/services/dev.preflight.probe.Probe");
        assertThat(run.message(RESULT + " › fixture.null-result")).contains("returned null from check()");
        assertThat(run.message(RESULT + " › fixture.crashing"))
                .contains("threw java.lang.IllegalStateException", "the probe crashed", "unchecked exception is a bug");
        assertThat(run.message(DEADLINE + " › fixture.hanging"))
                .contains("still running", "context.remaining()", "context.onCancel");
    }

    @Test
    void thirdPartyProbesMayNotTakeReservedOrDuplicateIdsNorHideFromTheContract() {
        FixtureRun run = FixtureRun.of(ThirdPartyProbesFixture.class);

        assertThat(run.with(FAILED)).containsExactlyInAnyOrder(DISTINCT, COVERS, RESERVED + " › env.thirdparty");
        assertThat(run.message(DISTINCT)).contains("'acme.twin'", "TwinOneProbe", "TwinTwoProbe");
        assertThat(run.message(COVERS)).contains("org.example.fixture.ForgottenProbe");
        assertThat(run.message(RESERVED + " › env.thirdparty")).contains("reserves", "'acme.thirdparty'");
        // A run refuses the reserved id too, so the checks that need one step aside instead of repeating that.
        assertThat(run.with(ABORTED)).containsExactlyInAnyOrder(
                RESULT + " › env.thirdparty", REPORTS + " › env.thirdparty", WRITES + " › env.thirdparty");
    }
}
