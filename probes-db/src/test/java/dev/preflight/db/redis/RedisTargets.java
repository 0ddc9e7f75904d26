package dev.preflight.db.redis;

import dev.preflight.probe.Probe;
import dev.preflight.probe.Result;
import dev.preflight.probe.Target;
import dev.preflight.testkit.ProbeTestKit;
import dev.preflight.testsupport.RedisTestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import redis.clients.jedis.Jedis;

/** Targets for the tests' private Redis servers, and a client to set a server's state up with. */
final class RedisTargets {
    private RedisTargets() {
    }

    /** @return {@code redis://127.0.0.1:PORT} without credentials */
    static Target anonymous(RedisTestServer redis) {
        return Target.forUrl(redis.uri().toString());
    }

    /** @return {@code redis://:PASSWORD@127.0.0.1:PORT}, the default user's password */
    static Target withPassword(RedisTestServer redis, String password) {
        return Target.forUrl("redis://:" + encode(password) + "@" + redis.host() + ":" + redis.port());
    }

    /** @return {@code redis://USER:PASSWORD@127.0.0.1:PORT} */
    static Target asUser(RedisTestServer redis, String user, String password) {
        return Target.forUrl("redis://" + user + ":" + encode(password) + "@" + redis.host() + ":" + redis.port());
    }

    /** @return the result of {@code probe} on {@code target}, through the runner (and its redaction) */
    static Result run(Probe probe, Target target) {
        return ProbeTestKit.forProbe(probe).target(target).run().result();
    }

    /** @return the result as the probe returned it, before the runner's redaction: to prove it leaks nothing */
    static Result unredacted(Probe probe, Target target) throws Exception {
        return probe.check(ProbeTestKit.forProbe(probe).target(target).context());
    }

    /** @return a client logged in as {@code user}, for the test's own setup (writes allowed) */
    static Jedis client(RedisTestServer redis, String user, String password) {
        Jedis jedis = new Jedis(redis.host(), redis.port(), 5_000);
        if (password != null) {
            if (user == null) {
                jedis.auth(password);
            } else {
                jedis.auth(user, password);
            }
        }
        return jedis;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
