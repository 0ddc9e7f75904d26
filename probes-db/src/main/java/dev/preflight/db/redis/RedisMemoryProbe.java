package dev.preflight.db.redis;

import dev.preflight.db.redis.internal.Findings;
import dev.preflight.db.redis.internal.Info;
import dev.preflight.db.redis.internal.RedisRole;
import dev.preflight.db.redis.internal.RedisSession;
import dev.preflight.db.redis.internal.Reply;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.util.List;

/**
 * {@code redis.memory}: Redis has a memory limit and an eviction policy that fits what it holds.
 *
 * <p>Reads {@code INFO memory} ({@code maxmemory}, {@code maxmemory_policy}, {@code used_memory}) and
 * {@code INFO keyspace} (keys and keys with a TTL, summed over the databases). A cache should evict
 * when full; a store ({@code role: store}) should not, since eviction deletes data kept nowhere else.
 * Keys without a TTL matter on a cache whose policy only evicts keys with one ({@code volatile-*}) or
 * none ({@code noeviction}): they fill the memory for good. Under an {@code allkeys-*} policy they are
 * evicted like any other, and are only counted.
 *
 * <p>PASS: {@code maxmemory} set and, for a cache, a policy among {@code policies}; for a store,
 * {@code noeviction}. WARN: no {@code maxmemory} (Redis grows until the machine runs out of memory);
 * a cache whose policy is not among {@code policies}; a store whose policy evicts; keys without a TTL
 * on a cache under a {@code volatile-*} or {@code noeviction} policy; {@code INFO} refused (not
 * verified, naming the refusal). ERROR: no answer before the deadline, or no login. Details:
 * {@code role}, {@code maxmemory}, {@code policy}, {@code usedMemory}, {@code keys},
 * {@code keysWithoutTtl}, {@code problems}.
 *
 * <p>Settings: {@code role} ({@code cache} or {@code store}; else the target's {@code role}
 * attribute; default {@code cache}), {@code policies} (comma list of the policies a cache may use;
 * default every policy but {@code noeviction}). Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class RedisMemoryProbe extends RedisProbe {

    @Override
    public String id() {
        return "redis.memory";
    }

    @Override
    public String title() {
        return "Redis has a memory limit and an eviction policy that fits a cache or a store";
    }

    @Override
    Result check(ProbeContext context, RedisSession session) throws Exception {
        RedisRole role = RedisRole.of(context);
        List<String> policies = context.settings().list("policies");
        String subject = session.endpoint().address();
        Reply memory = session.call(context, "INFO", "memory");
        if (!memory.ok()) {
            return Result.builder(Status.WARN).subject(subject).detail("role", role.label())
                    .summary("memory limits not verified: " + refused(memory, "INFO memory"))
                    .remediation("Let the probe's user run INFO (ACL +info), or check with a user that may.")
                    .build();
        }
        Info info = Info.parse(memory.text().orElse(""));
        long maxmemory = info.number("maxmemory").orElse(0);
        String policy = info.get("maxmemory_policy").orElse("unknown");
        Findings findings = new Findings();
        findings.detail("role", role.label());
        findings.detail("maxmemory", maxmemory);
        findings.detail("policy", policy);
        findings.detail("usedMemory", info.get("used_memory_human").orElse(null));
        if (maxmemory == 0) {
            findings.warn("no maxmemory: Redis grows until the machine runs out of memory", "Set maxmemory below"
                    + " the memory the host or container can give (leave room for fork copy-on-write).");
        }
        if (policy.equals("unknown")) {
            findings.warn("INFO memory shows no maxmemory_policy (Redis older than 3.2?)", "Upgrade Redis, or"
                    + " check maxmemory-policy with a user that may run CONFIG GET.");
        } else if (role == RedisRole.CACHE) {
            boolean fits = policies.isEmpty() ? !policy.equals("noeviction") : policies.contains(policy);
            if (!fits) {
                findings.warn("maxmemory-policy " + policy + " on a cache" + (policy.equals("noeviction")
                        ? ": when full, writes fail instead of evicting" : ", not among " + policies),
                        "Set maxmemory-policy to allkeys-lru or allkeys-lfu (or list the policy in"
                                + " redis.memory.policies).");
            }
        } else if (!policy.equals("noeviction")) {
            findings.warn("maxmemory-policy " + policy + " on a store: when full, Redis deletes data kept nowhere"
                    + " else", "Set maxmemory-policy noeviction and size maxmemory for the data.");
        }
        Reply keyspace = session.call(context, "INFO", "keyspace");
        if (keyspace.ok()) {
            Info.Keyspace keys = Info.parse(keyspace.text().orElse("")).keyspace();
            findings.detail("keys", keys.keys());
            findings.detail("keysWithoutTtl", keys.withoutTtl());
            boolean keepsThem = policy.startsWith("volatile-") || policy.equals("noeviction");
            if (role == RedisRole.CACHE && keys.withoutTtl() > 0 && keepsThem) {
                findings.warn(keys.withoutTtl() + " of " + keys.keys() + " keys have no TTL, and " + policy
                        + " never evicts them", "Give cache keys a TTL (SET … EX), or use an allkeys-* policy.");
            }
        } else {
            findings.notVerified("keys without TTL (" + refused(keyspace, "INFO keyspace") + ")");
        }
        return findings.result(subject, "maxmemory " + maxmemory + " bytes with policy " + policy + " suits a "
                + role.label()).build();
    }
}
