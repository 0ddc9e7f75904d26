package dev.preflight.db.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.testsupport.RedisTestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;

/**
 * The rules of {@code ACL GETUSER}, applied by {@link AclRules} (the Redis 6 path), agree with what a
 * real Redis 7 answers to {@code ACL DRYRUN} for users of several privilege levels.
 */
class AclRulesTest {
    private static final Set<String> FLUSHALL = Set.of("keyspace", "write", "slow", "dangerous");
    private static final Set<String> CONFIG = Set.of("admin", "slow", "dangerous");
    private static final Set<String> KEYS = Set.of("keyspace", "read", "slow", "dangerous");

    @Test
    void agreesWithAclDryRunOfARealServer() throws Exception {
        RedisTestServer.assumeAvailable();
        Map<String, String> users = Map.of(
                "app", "on >pw ~* +@read +@write -@dangerous",
                "ops", "on >pw ~* +@all -keys -config|set",
                "reader", "on >pw ~* -@all +@read +config|get",
                "admin", "on >pw ~* allcommands");
        RedisTestServer.Builder builder = RedisTestServer.builder().requirePass("root-pw-3f4e");
        users.forEach(builder::aclUser);
        try (RedisTestServer redis = builder.start();
                Jedis admin = new Jedis(redis.host(), redis.port(), 5_000)) {
            admin.auth("root-pw-3f4e");
            for (String user : users.keySet()) {
                AclRules rules = AclRules.parse(commandsOf(admin, user));
                assertThat(rules.allows("flushall", null, FLUSHALL)).as(user + " FLUSHALL")
                        .contains(dryRun(admin, user, "FLUSHALL"));
                assertThat(rules.allows("config", "get", CONFIG)).as(user + " CONFIG GET")
                        .contains(dryRun(admin, user, "CONFIG", "GET", "maxmemory"));
                assertThat(rules.allows("config", "set", CONFIG)).as(user + " CONFIG SET")
                        .contains(dryRun(admin, user, "CONFIG", "SET", "maxmemory", "0"));
                assertThat(rules.allows("keys", null, KEYS)).as(user + " KEYS")
                        .contains(dryRun(admin, user, "KEYS", "*"));
            }
        }
    }

    @Test
    void aRuleItDoesNotKnowGivesNoAnswer() {
        assertThat(AclRules.parse("+@all %R~cache:*").allows("flushall", null, FLUSHALL)).isEmpty();
    }

    @Test
    void laterRulesWin() {
        assertThat(AclRules.parse("-@all +@dangerous -flushall").allows("flushall", null, FLUSHALL)).contains(false);
        assertThat(AclRules.parse("nocommands +flushall").allows("flushall", null, FLUSHALL)).contains(true);
    }

    private static String commandsOf(Jedis admin, String user) {
        return admin.aclGetUser(user).getCommands();
    }

    private static boolean dryRun(Jedis admin, String user, String... command) {
        List<String> args = new ArrayList<>(List.of("DRYRUN", user));
        args.addAll(List.of(command));
        Object reply = admin.sendCommand(Protocol.Command.ACL, args.toArray(String[]::new));
        return "OK".equals(new String((byte[]) reply, StandardCharsets.UTF_8));
    }
}
