package dev.preflight.db.redis;

import static dev.preflight.db.redis.RedisTargets.anonymous;
import static dev.preflight.db.redis.RedisTargets.asUser;
import static dev.preflight.db.redis.RedisTargets.run;
import static dev.preflight.db.redis.RedisTargets.unredacted;
import static dev.preflight.db.redis.RedisTargets.withPassword;
import static dev.preflight.testkit.PreflightAssertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.testsupport.RedisTestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code redis.auth} against private redis-servers: none of these tests changes a server's state. */
class RedisAuthProbeTest {
    private static final String ADMIN_PASSWORD = "admin-pw-5b1e";
    private static RedisTestServer open;
    private static RedisTestServer guarded;

    @BeforeAll
    static void start() throws Exception {
        RedisTestServer.assumeAvailable();
        open = RedisTestServer.builder().start();
        guarded = RedisTestServer.builder()
                .requirePass(ADMIN_PASSWORD)
                .aclUser("app", "on >app-pw-77c3 ~* +@read +@write -@dangerous")
                .start();
    }

    @AfterAll
    static void stop() {
        if (open != null) {
            open.close();
        }
        if (guarded != null) {
            guarded.close();
        }
    }

    @Test
    void aServerWithoutPasswordFails() {
        Result result = run(new RedisAuthProbe(), anonymous(open));

        assertThat(result).isFail().hasSummaryContaining("answers PING without a password")
                .hasDetail("unauthenticatedPing", "answered")
                .hasDetail("defaultUserFlags", List.of("on", "nopass"))
                .hasRemediationContaining("requirepass");
    }

    @Test
    void aPasswordThatWorksOnAServerThatRefusesStrangersPasses() {
        Result result = run(new RedisAuthProbe(), withPassword(guarded, ADMIN_PASSWORD));

        assertThat(result).isPass().hasSummaryContaining("refused (NOAUTH)")
                .hasSummaryContaining("log in as default")
                .hasDetail("unauthenticatedPing", "refused (NOAUTH)")
                .hasDetail("login", "accepted")
                .hasDetail("protectedMode", "yes");
    }

    @Test
    void aWrongPasswordFailsWithTheServersCodeAndNeverThePassword() throws Exception {
        String wrong = "not-the-pw-91d0";
        Result result = unredacted(new RedisAuthProbe(), asUser(guarded, "app", wrong));

        assertThat(result).isFail().hasSummary("the configured credentials were refused (WRONGPASS)")
                .hasDetail("login", "refused (WRONGPASS)")
                .containsNoText(wrong, ADMIN_PASSWORD);
    }

    @Test
    void anAppUserWithoutConfigOrAclPrivilegesPassesAndSaysWhatItCouldNotVerify() {
        Result result = run(new RedisAuthProbe(), asUser(guarded, "app", "app-pw-77c3"));

        assertThat(result).isPass().hasSummaryContaining("log in as app")
                .hasSummaryContaining("not verified")
                .hasDetail("notVerified", List.of("the default user's ACL flags (ACL GETUSER refused (NOPERM))",
                        "protected-mode (CONFIG GET refused (NOPERM))"));
    }

    @Test
    void aPasswordRequiredButNotGivenWarns() {
        Result result = run(new RedisAuthProbe(), anonymous(guarded));

        assertThat(result).isWarn().hasSummaryContaining("requires a password but the target gives none")
                .hasDetail("login", "no credentials given");
    }

    @Test
    void aDefaultUserOnWithoutPasswordButLimitedByAclFails() throws Exception {
        try (RedisTestServer redis = RedisTestServer.builder()
                .aclUser("default", "on nopass ~* -@all")
                .aclUser("ops", "on >ops-pw-31aa ~* +@all")
                .start()) {
            Result result = run(new RedisAuthProbe(), asUser(redis, "ops", "ops-pw-31aa"));

            assertThat(result).isFail().hasSummaryContaining("logged in as the default user")
                    .hasDetail("unauthenticatedPing", "refused by ACL rules (NOPERM)")
                    .hasDetail("problems", List.of(
                            "clients without a password are logged in as the default user, whose ACL rules alone"
                                    + " limit them (PING got NOPERM, not NOAUTH)",
                            "the ACL default user is on with nopass: any client is logged in without a password"));
        }
    }

    @Test
    void protectedModeOffWarns() throws Exception {
        try (RedisTestServer redis = RedisTestServer.builder().requirePass(ADMIN_PASSWORD)
                .config("protected-mode", "no").start()) {
            Result result = run(new RedisAuthProbe(), withPassword(redis, ADMIN_PASSWORD));

            assertThat(result).isWarn().hasSummary("protected-mode is off").hasDetail("protectedMode", "no");
        }
    }
}
