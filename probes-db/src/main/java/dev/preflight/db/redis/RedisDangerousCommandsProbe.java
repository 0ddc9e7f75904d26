package dev.preflight.db.redis;

import dev.preflight.db.redis.internal.RedisSession;
import dev.preflight.db.redis.internal.Reply;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code redis.dangerous-commands}: the application's user may not run {@code FLUSHALL},
 * {@code CONFIG}, {@code KEYS} or {@code DEBUG}, which wipe the data, rewrite the server's settings
 * (or read its password), block the server, or crash it.
 *
 * <p>Asks Redis 7's {@code ACL DRYRUN} whether the logged-in user ({@code ACL WHOAMI}) could run each
 * command ({@code FLUSHALL}, {@code CONFIG GET}, {@code CONFIG SET}, {@code KEYS *},
 * {@code DEBUG SLEEP 0}); nothing is run. {@code ACL DRYRUN} is an ACL administration command: a user
 * restricted as it should be is usually refused it ({@code NOPERM}), and then the probe cannot tell.
 * {@code rename-command} and {@code enable-debug-command} are not seen.
 *
 * <p>PASS: the user may run none of them. WARN: it may run one or more (listed); Redis older than 6
 * (no ACLs: every client that logs in may run them all). SKIP: {@code ACL DRYRUN} refused
 * ({@code NOPERM}) or unknown (Redis 6): which commands the user may run cannot be read with its own
 * privileges. ERROR: no answer before the deadline, or no login. Details: {@code user},
 * {@code allowed}, {@code denied}.
 *
 * <p>No settings. Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class RedisDangerousCommandsProbe extends RedisProbe {
    /** Each command as ACL DRYRUN needs it (with a subcommand and arguments), under the name reported. */
    private static final Map<String, List<String>> COMMANDS = commands();

    private static Map<String, List<String>> commands() {
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put("FLUSHALL", List.of("FLUSHALL"));
        commands.put("CONFIG GET", List.of("CONFIG", "GET", "maxmemory"));
        commands.put("CONFIG SET", List.of("CONFIG", "SET", "maxmemory", "0"));
        commands.put("KEYS", List.of("KEYS", "*"));
        commands.put("DEBUG", List.of("DEBUG", "SLEEP", "0"));
        return commands;
    }

    @Override
    public String id() {
        return "redis.dangerous-commands";
    }

    @Override
    public String title() {
        return "The application's Redis user may not run FLUSHALL, CONFIG, KEYS or DEBUG";
    }

    @Override
    Result check(ProbeContext context, RedisSession session) throws Exception {
        String subject = session.endpoint().address();
        Reply whoami = session.call(context, "ACL", "WHOAMI");
        if (!whoami.ok() && unknownCommand(whoami)) {
            return Result.builder(Status.WARN).subject(subject)
                    .summary("no ACLs (Redis older than 6): every client that logs in may run FLUSHALL, CONFIG, KEYS"
                            + " and DEBUG").remediation("Upgrade to Redis 7 and give the application a user"
                            + " without @dangerous (or rename-command these commands away).").build();
        }
        String user = whoami.text().orElse(session.endpoint().user().orElse("default"));
        List<String> allowed = new ArrayList<>();
        List<String> denied = new ArrayList<>();
        for (Map.Entry<String, List<String>> command : COMMANDS.entrySet()) {
            List<String> args = new ArrayList<>(List.of("ACL", "DRYRUN", user));
            args.addAll(command.getValue());
            Reply dryRun = session.call(context, args.toArray(String[]::new));
            if (!dryRun.ok()) {
                String why = unknownCommand(dryRun) ? "ACL DRYRUN is unknown (Redis older than 7)"
                        : refused(dryRun, "ACL DRYRUN");
                return Result.builder(Status.SKIP).subject(subject).detail("user", user)
                        .summary("cannot tell which commands user " + user + " may run: " + why).build();
            }
            // OK means permitted; a denial comes back as a bulk string saying why.
            (dryRun.text().filter("OK"::equals).isPresent() ? allowed : denied).add(command.getKey());
        }
        Result.Builder result = Result.builder(allowed.isEmpty() ? Status.PASS : Status.WARN).subject(subject)
                .detail("user", user).detail("allowed", allowed).detail("denied", denied);
        if (allowed.isEmpty()) {
            return result.summary("user " + user + " may not run FLUSHALL, CONFIG, KEYS or DEBUG").build();
        }
        return result.summary("user " + user + " may run " + String.join(", ", allowed))
                .remediation("Give the application its own ACL user without these commands, e.g. 'ACL SETUSER "
                        + user + " -@dangerous' (or -flushall -config -keys -debug), and persist it.")
                .build();
    }

    private static boolean unknownCommand(Reply reply) {
        String text = reply.errorText().orElse("").toLowerCase(Locale.ROOT);
        return text.contains("unknown command") || text.contains("unknown subcommand");
    }
}
