package dev.preflight.db.redis;

import dev.preflight.db.redis.internal.Info;
import dev.preflight.db.redis.internal.RedisSession;
import dev.preflight.db.redis.internal.Reply;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code redis.version}: the server runs Redis 6 or later, the first with ACL users and TLS.
 *
 * <p>Reads {@code redis_version} from {@code INFO server}; when {@code INFO} is refused, from the
 * answer to {@code HELLO 2} (which keeps the protocol the connection speaks). A server that does not
 * know {@code HELLO} is older than 6.
 *
 * <p>PASS: 6.0 or later. WARN: older than 6 (no ACLs: one shared password with every right; no TLS);
 * the version not readable. ERROR: no answer before the deadline, or no login. Details:
 * {@code version}, {@code mode} (standalone, cluster, sentinel) when INFO answers, {@code source}.
 *
 * <p>No settings. Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class RedisVersionProbe extends RedisProbe {
    private static final int MINIMUM_MAJOR = 6;

    @Override
    public String id() {
        return "redis.version";
    }

    @Override
    public String title() {
        return "Redis is version 6 or later (ACL users, TLS)";
    }

    @Override
    Result check(ProbeContext context, RedisSession session) throws Exception {
        String subject = session.endpoint().address();
        Reply server = session.call(context, "INFO", "server");
        Optional<String> version;
        Optional<String> mode = Optional.empty();
        String source;
        if (server.ok()) {
            Info info = Info.parse(server.text().orElse(""));
            version = info.get("redis_version");
            mode = info.get("redis_mode");
            source = "INFO server";
        } else {
            Reply hello = session.call(context, "HELLO", "2");
            source = "HELLO (" + refused(server, "INFO server") + ")";
            if (!hello.ok() && hello.errorText().orElse("").toLowerCase(Locale.ROOT).contains("unknown command")) {
                return Result.builder(Status.WARN).subject(subject).detail("source", source)
                        .summary("Redis older than 6 (HELLO is unknown): no ACL users, no TLS")
                        .remediation("Upgrade to a supported Redis (7.x).").build();
            }
            version = hello.ok() ? helloField(hello.list(), "version") : Optional.empty();
        }
        if (version.isEmpty() || major(version.get()) == 0) {
            return Result.builder(Status.WARN).subject(subject).detail("source", source)
                    .summary("the Redis version could not be read").remediation("Let the probe's user run INFO"
                            + " (ACL +info), or check the version with a user that may.").build();
        }
        int major = major(version.get());
        Result.Builder result = Result.builder(major >= MINIMUM_MAJOR ? Status.PASS : Status.WARN).subject(subject)
                .detail("version", version.get()).detail("mode", mode.orElse(null)).detail("source", source);
        if (major >= MINIMUM_MAJOR) {
            return result.summary("Redis " + version.get()).build();
        }
        return result.summary("Redis " + version.get() + " is older than 6: no ACL users (one password with every"
                + " right), no TLS").remediation("Upgrade to a supported Redis (7.x).").build();
    }

    private static Optional<String> helloField(List<Object> fields, String name) {
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            if (name.equals(fields.get(i)) && fields.get(i + 1) instanceof String value) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** @return the major version, or 0 when the text does not start with a number */
    private static int major(String version) {
        int end = 0;
        while (end < version.length() && end < 4 && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(version.substring(0, end));
    }
}
