package dev.preflight.env;

import dev.preflight.env.internal.EnvUrl;
import dev.preflight.env.internal.Findings;
import dev.preflight.env.internal.Flags;
import dev.preflight.env.internal.Hosts;
import dev.preflight.env.internal.RedisParts;
import dev.preflight.env.internal.UrlTemplates;
import dev.preflight.env.internal.Variables;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.Placeholders;
import dev.preflight.support.Stage;
import dev.preflight.support.TemplateHosts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code env.redis-auth}: Redis connections that leave the machine carry a password and use TLS.
 * Redis has no authentication unless configured, and {@code redis://} sends commands, cached data and
 * the password in plaintext (Redis docs, "Redis security" and "TLS").
 *
 * <p>Reads {@code REDIS_URL}, {@code REDIS_TLS_URL}, {@code CACHE_URL}, {@code CELERY_BROKER_URL} and
 * {@code CELERY_RESULT_BACKEND} with a {@code redis}/{@code rediss} scheme; other schemes are not this
 * probe's. For a non-loopback host, a missing password (in {@code :password@} or a {@code password}
 * parameter) FAILs, {@code redis://} FAILs, and {@code rediss://} with {@code ssl_cert_reqs=none}
 * WARNs because it skips certificate verification. A loopback host or Unix socket passes. A malformed
 * URL FAILs. A {@linkplain UrlTemplates template} URL ({@code redis://:password@your-redis-host:6379})
 * FAILs as one, beside the other verdicts.
 *
 * <p>A connection given as parts ({@code REDIS_HOST}, {@code REDIS_PORT}, {@code REDIS_PASSWORD},
 * {@code REDIS_TLS}; see {@link RedisParts}) is judged the same way: a template host FAILs; for a
 * non-loopback host, no password (unset, empty, Laravel's {@code null}) FAILs, a placeholder password
 * FAILs, and TLS that is off or not switched on FAILs as {@code redis://} does. Applies in every
 * stage. Neither a Redis URL nor a Redis host: SKIP.
 *
 * @since 0.1
 */
public final class RedisAuthProbe implements Probe {
    static final List<String> VARIABLES = List.of("REDIS_URL", "REDIS_TLS_URL", "CACHE_URL", "CELERY_BROKER_URL",
            "CELERY_RESULT_BACKEND");

    /** Creates the probe; stateless. */
    public RedisAuthProbe() {
    }

    @Override
    public String id() {
        return "env.redis-auth";
    }

    @Override
    public String title() {
        return "Redis connections use a password and TLS";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ENV;
    }

    @Override
    public Result check(ProbeContext context) {
        Map<String, String> urls = Variables.named(context.target().variables(), VARIABLES);
        String file = context.target().location();
        Stage stage = Stage.of(context.target());
        Findings findings = new Findings();
        List<String> connections = new ArrayList<>();
        urls.forEach((name, value) -> {
            Optional<String> scheme = EnvUrl.schemeOf(value);
            boolean redisName = name.toUpperCase(Locale.ROOT).startsWith("REDIS");
            if (scheme.isPresent() ? !scheme.get().startsWith("redis") : !redisName) {
                return;
            }
            Optional<String> template = UrlTemplates.reason(value, stage);
            template.ifPresent(t -> findings.fail(name, t, "Set " + name + " in " + file
                    + " to the production Redis: rediss://:password@host:6380/0 with its real host and password."));
            EnvUrl url;
            try {
                url = EnvUrl.parse(value);
            } catch (IllegalArgumentException e) {
                if (template.isPresent()) {
                    return;
                }
                findings.fail(name, e.getMessage(), "Fix " + name + " in " + file
                        + ": rediss://:password@host:6380/0, password percent-encoded.");
                return;
            }
            connections.add(name + ": " + url.display());
            judge(name, url, file, findings);
        });
        RedisParts.of(context.target().variables()).ifPresent(parts -> {
            connections.add(parts.hostVariable() + ": " + parts.host() + (parts.tls().orElse(false) ? " (TLS)" : ""));
            judge(parts, stage, file, findings);
        });
        if (findings.isEmpty()) {
            return Result.skip("no Redis URL or host (looked for " + Variables.list(VARIABLES) + ", "
                    + Variables.list(RedisParts.hostNames()) + ")");
        }
        findings.detail("connections", connections);
        return findings.toResult("Redis connections use a password and TLS, or stay on this machine");
    }

    private static void judge(RedisParts parts, Stage stage, String file, Findings findings) {
        String name = parts.hostVariable();
        Optional<String> template = TemplateHosts.reason(parts.host(), stage);
        if (template.isPresent()) {
            findings.fail(name, "is a template: " + template.get(), "Set " + name + " in " + file
                    + " to the production Redis host.");
        } else if (Hosts.isLoopback(parts.host())) {
            findings.note(name, "connects over loopback");
            return;
        }
        findings.checked(name);
        if (parts.password().isEmpty()) {
            findings.fail(name, "names a Redis server but " + parts.passwordVariable() + " is not set", "Require a"
                    + " password on the Redis server (requirepass or an ACL user) and set " + parts.passwordVariable()
                    + " in " + file + ".");
        } else {
            parts.password().flatMap(Placeholders::reason).ifPresent(r -> findings.fail(parts.passwordVariable(),
                    r, "Set " + parts.passwordVariable() + " in " + file + " to the Redis server's real password."));
        }
        String tlsVariable = parts.tlsVariable().orElse("REDIS_TLS");
        if (parts.tls().isEmpty()) {
            findings.fail(tlsVariable, "is neither on nor off (" + Flags.accepted() + ")", "Set " + tlsVariable
                    + "=true in " + file + ".");
        } else if (!parts.tls().get()) {
            findings.fail(name, "is reached without TLS (" + (parts.tlsVariable().isPresent() ? tlsVariable + " is off"
                    : "no REDIS_TLS") + "), so data and the password travel unencrypted", "Turn on TLS to the Redis"
                    + " server and set " + tlsVariable + "=true in " + file + "; managed Redis services offer a TLS port.");
        }
    }

    private static void judge(String name, EnvUrl url, String file, Findings findings) {
        if (url.isLocal()) {
            findings.note(name, "connects over loopback");
            return;
        }
        findings.checked(name);
        if (!url.hasPassword()) {
            findings.fail(name, "has no password", "Require a password on the Redis server (requirepass or an ACL"
                    + " user) and put it in " + name + " in " + file + ": rediss://:password@host:6380/0.");
        }
        if (url.scheme().equals("redis")) {
            findings.fail(name, "uses redis://, so data and the password travel unencrypted", "Switch " + name
                    + " to rediss:// (TLS) in " + file + "; managed Redis services offer a TLS port.");
        } else if (url.param("ssl_cert_reqs").map(s -> s.equalsIgnoreCase("none") || s.equalsIgnoreCase("cert_none"))
                .orElse(false)) {
            findings.warn(name, "turns off certificate verification (ssl_cert_reqs=none)", "Remove ssl_cert_reqs=none"
                    + " from " + name + " in " + file + " and trust the server's CA certificate (ssl_ca_certs) instead.");
        }
    }
}
