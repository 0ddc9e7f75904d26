package dev.preflight.db.redis;

import dev.preflight.db.redis.internal.Ages;
import dev.preflight.db.redis.internal.Findings;
import dev.preflight.db.redis.internal.Info;
import dev.preflight.db.redis.internal.RedisRole;
import dev.preflight.db.redis.internal.RedisSession;
import dev.preflight.db.redis.internal.Reply;
import dev.preflight.probe.Gauge;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code redis.persistence}: the data survives a restart, by RDB snapshots or the append-only file,
 * and the last save or write succeeded.
 *
 * <p>Reads {@code INFO persistence} ({@code rdb_last_bgsave_status}, {@code rdb_last_save_time},
 * {@code rdb_changes_since_last_save}, {@code aof_enabled}, {@code aof_last_write_status},
 * {@code aof_last_bgrewrite_status}) and the save points ({@code CONFIG GET save}). Whether losing the
 * data matters is the target's {@code role}: a {@code cache} (default) can be rebuilt, a
 * {@code store} cannot.
 *
 * <p>PASS: AOF on and its last write ok; or RDB save points set, the last snapshot ok, and no unsaved
 * change older than {@code max-age}. WARN: neither RDB nor AOF on a cache; unsaved changes and a last
 * snapshot older than {@code max-age}; the last AOF rewrite failed; AOF off and the save points not
 * readable ({@code CONFIG} refused) or {@code INFO} refused: persistence not verified, naming the
 * refused command. FAIL: neither on a store; the last snapshot ({@code bgsave}) or the last AOF write
 * failed (Redis then refuses writes, with {@code stop-writes-on-bgsave-error}). ERROR: no answer
 * before the deadline, or no login. Details: {@code role}, {@code aofEnabled}, {@code aofLastWrite},
 * {@code rdbSavePoints}, {@code rdbLastBgsave}, {@code rdbLastSave}, {@code rdbLastSaveAge},
 * {@code rdbChangesSinceLastSave}, {@code problems}, {@code notVerified}.
 *
 * <p>Settings: {@code role} ({@code cache} or {@code store}; else the target's {@code role}
 * attribute; default {@code cache}), {@code max-age} (a duration, default {@code 24h}). Stateless and
 * thread-safe.
 *
 * <p>Gauge (for {@code preflight serve}): {@code redis_last_save_age_seconds}, when Redis reports its last save.
 *
 * @since 0.2
 */
public final class RedisPersistenceProbe extends RedisProbe {
    private static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);

    @Override
    public String id() {
        return "redis.persistence";
    }

    @Override
    public String title() {
        return "Redis persists its data (RDB or AOF) and the last save succeeded";
    }

    @Override
    Result check(ProbeContext context, RedisSession session) throws Exception {
        RedisRole role = RedisRole.of(context);
        Duration maxAge = context.settings().duration("max-age", DEFAULT_MAX_AGE);
        String subject = session.endpoint().address();
        Reply reply = session.call(context, "INFO", "persistence");
        if (!reply.ok()) {
            return Result.builder(Status.WARN).subject(subject).detail("role", role.label())
                    .summary("persistence not verified: " + refused(reply, "INFO persistence"))
                    .remediation("Let the probe's user run INFO (ACL +info), or check with a user that may.")
                    .build();
        }
        Info info = Info.parse(reply.text().orElse(""));
        Findings findings = new Findings();
        findings.detail("role", role.label());
        boolean aof = info.number("aof_enabled").orElse(0) == 1;
        findings.detail("aofEnabled", aof);
        if (aof) {
            String write = info.get("aof_last_write_status").orElse("unknown");
            findings.detail("aofLastWrite", write);
            if (!write.equals("ok")) {
                findings.fail("the last AOF write failed (aof_last_write_status: " + write + ")", "Check the"
                        + " server's disk (space, permissions) and its log.");
            }
            if (info.get("aof_last_bgrewrite_status").filter(s -> !s.equals("ok")).isPresent()) {
                findings.warn("the last AOF rewrite failed", "Check the server's disk and log: the AOF keeps"
                        + " growing until a rewrite succeeds.");
            }
        }
        String savePoints = readSavePoints(context, session, findings);
        boolean rdb = savePoints != null && !savePoints.isBlank();
        String bgsave = info.get("rdb_last_bgsave_status").orElse("unknown");
        findings.detail("rdbLastBgsave", bgsave);
        if (!bgsave.equals("ok") && !bgsave.equals("unknown")) {
            findings.fail("the last RDB snapshot failed (rdb_last_bgsave_status: " + bgsave + ")", "Check the"
                    + " server's disk (space, permissions, dir) and its log; with stop-writes-on-bgsave-error"
                    + " Redis refuses writes until a snapshot succeeds.");
        }
        OptionalLong lastSave = info.number("rdb_last_save_time");
        long changes = info.number("rdb_changes_since_last_save").orElse(0);
        if (lastSave.isPresent()) {
            Duration age = Duration.between(Instant.ofEpochSecond(lastSave.getAsLong()), context.clock().instant());
            findings.detail("rdbLastSave", Instant.ofEpochSecond(lastSave.getAsLong()).toString());
            findings.detail("rdbLastSaveAge", Ages.format(age));
            findings.gauge(Gauge.of("redis_last_save_age_seconds", Math.max(0, age.toSeconds()),
                    "How long ago the server last saved an RDB snapshot"));
            findings.detail("rdbChangesSinceLastSave", changes);
            if (rdb && !aof && changes > 0 && age.compareTo(maxAge) > 0) {
                findings.warn(changes + " changes are not saved and the last snapshot is " + Ages.format(age)
                        + " old (max-age " + Ages.format(maxAge) + ")", "Check that the save points fire"
                        + " and snapshots succeed (LASTSAVE, the server's log).");
            }
        }
        if (!aof && !rdb) {
            if (savePoints == null) {
                findings.warn("AOF is off and the RDB save points could not be read: persistence not verified",
                        "Let the probe's user run CONFIG GET (or check 'save' with a user that may).");
            } else if (role == RedisRole.STORE) {
                findings.fail("neither RDB snapshots nor AOF are on: a restart loses every key of this store",
                        "Turn on AOF (appendonly yes) or RDB save points (save 3600 1 300 100 60 10000).");
            } else {
                findings.warn("neither RDB snapshots nor AOF are on: a restart empties this cache", "If the"
                        + " cache is costly to rebuild, turn on RDB save points; if Redis holds data kept nowhere"
                        + " else, declare the target a store (redis.persistence.role: store) and turn on AOF.");
            }
        }
        String how = aof ? "AOF on, last write ok" : "RDB snapshots (save " + savePoints + "), last snapshot ok";
        return findings.result(subject, how).build();
    }

    /** @return the save points, "" when RDB is off, null when the user may not read them */
    private static String readSavePoints(ProbeContext context, RedisSession session, Findings findings)
            throws Exception {
        Reply save = session.call(context, "CONFIG", "GET", "save");
        if (!save.ok()) {
            findings.notVerified("RDB save points (" + refused(save, "CONFIG GET") + ")");
            return null;
        }
        List<Object> pair = save.list();
        String points = pair.size() >= 2 && pair.get(1) instanceof String s ? s : "";
        findings.detail("rdbSavePoints", points.isBlank() ? "none" : points);
        return points;
    }
}
