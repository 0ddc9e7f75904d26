package dev.preflight.db.redis;

import dev.preflight.db.redis.internal.AclRules;
import dev.preflight.db.redis.internal.RedisSession;
import dev.preflight.db.redis.internal.Reply;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code redis.dangerous-commands}: the application's user may not run {@code FLUSHALL},
 * {@code CONFIG}, {@code KEYS} or {@code DEBUG}, which wipe the data, rewrite the server's settings
 * (or read its password), block the server, or crash it.
 *
 * <p>Asks Redis 7's {@code ACL DRYRUN} whether the logged-in user ({@code ACL WHOAMI}, else the URL's
 * user) could run each command ({@code FLUSHALL}, {@code CONFIG GET}, {@code CONFIG SET},
 * {@code KEYS *}, {@code DEBUG SLEEP 0}); nothing is run. Redis 6 has no {@code ACL DRYRUN}: there the
 * user's rules from {@code ACL GETUSER} are applied in order to each command's ACL categories, and a
 * rule not understood gives SKIP rather than a guess. Both are ACL administration commands: a user
 * restricted as it should be is usually refused them ({@code NOPERM}), and then the probe cannot
 * tell. {@code rename-command} and {@code enable-debug-command} are not seen.
 *
 * <p>PASS: the user may run none of them. WARN: it may run one or more (listed); Redis older than 6
 * (no ACLs: every client that logs in may run them all). SKIP: {@code ACL DRYRUN} (or, on Redis 6,
 * {@code ACL GETUSER}) refused, named with its error code, or rules not understood. ERROR: no answer
 * before the deadline, or no login. Details: {@code user}, {@code allowed}, {@code denied},
 * {@code source} ({@code ACL DRYRUN} or {@code ACL GETUSER}).
 *
 * <p>No settings. Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class RedisDangerousCommandsProbe extends RedisProbe {
    /** The commands asked about, under the name reported: how ACL DRYRUN needs them, and their ACL categories. */
    private static final List<Command> COMMANDS = List.of(
            new Command("FLUSHALL", List.of("FLUSHALL"), Set.of("keyspace", "write", "slow", "dangerous")),
            new Command("CONFIG GET", List.of("CONFIG", "GET", "maxmemory"), Set.of("admin", "slow", "dangerous")),
            new Command("CONFIG SET", List.of("CONFIG", "SET", "maxmemory", "0"), Set.of("admin", "slow", "dangerous")),
            new Command("KEYS", List.of("KEYS", "*"), Set.of("keyspace", "read", "slow", "dangerous")),
            new Command("DEBUG", List.of("DEBUG", "SLEEP", "0"), Set.of("admin", "slow", "dangerous")));

    /**
     * @param name as reported
     * @param dryRun the command with a subcommand and arguments, as ACL DRYRUN needs it
     * @param categories its ACL categories, the same in Redis 6 and 7 (COMMAND INFO; redis.io command pages)
     */
    private record Command(String name, List<String> dryRun, Set<String> categories) {
        String subcommand() {
            return name.indexOf(' ') < 0 ? null : dryRun.get(1).toLowerCase(Locale.ROOT);
        }
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
        String source = "ACL DRYRUN";
        for (Command command : COMMANDS) {
            List<String> args = new ArrayList<>(List.of("ACL", "DRYRUN", user));
            args.addAll(command.dryRun());
            Reply dryRun = session.call(context, args.toArray(String[]::new));
            if (!dryRun.ok()) {
                if (unknownCommand(dryRun)) {
                    return fromRules(context, session, user);
                }
                return Result.builder(Status.SKIP).subject(subject).detail("user", user)
                        .summary("cannot tell which commands user " + user + " may run: "
                                + refused(dryRun, "ACL DRYRUN")).build();
            }
            // OK means permitted; a denial comes back as a bulk string saying why.
            (dryRun.text().filter("OK"::equals).isPresent() ? allowed : denied).add(command.name());
        }
        return verdict(subject, user, source, allowed, denied);
    }

    /** Redis 6 has no ACL DRYRUN: apply the user's rules from ACL GETUSER to each command's categories. */
    private static Result fromRules(ProbeContext context, RedisSession session, String user) throws Exception {
        String subject = session.endpoint().address();
        Reply getUser = session.call(context, "ACL", "GETUSER", user);
        Optional<String> commands = getUser.ok() ? field(getUser.list(), "commands") : Optional.empty();
        if (commands.isEmpty()) {
            return Result.builder(Status.SKIP).subject(subject).detail("user", user)
                    .summary("cannot tell which commands user " + user + " may run: ACL DRYRUN is unknown (Redis"
                            + " older than 7) and " + (getUser.ok() ? "ACL GETUSER shows no command rules"
                                    : refused(getUser, "ACL GETUSER")))
                    .build();
        }
        AclRules rules = AclRules.parse(commands.get());
        List<String> allowed = new ArrayList<>();
        List<String> denied = new ArrayList<>();
        for (Command command : COMMANDS) {
            Optional<Boolean> allows = rules.allows(command.dryRun().get(0).toLowerCase(Locale.ROOT),
                    command.subcommand(), command.categories());
            if (allows.isEmpty()) {
                return Result.builder(Status.SKIP).subject(subject).detail("user", user)
                        .detail("rules", commands.get())
                        .summary("cannot tell which commands user " + user + " may run: a rule of ACL GETUSER is"
                                + " not understood").build();
            }
            (allows.get() ? allowed : denied).add(command.name());
        }
        return verdict(subject, user, "ACL GETUSER", allowed, denied);
    }

    private static Optional<String> field(List<Object> fields, String name) {
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            if (name.equals(fields.get(i)) && fields.get(i + 1) instanceof String value) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static Result verdict(String subject, String user, String source, List<String> allowed,
            List<String> denied) {
        Result.Builder result = Result.builder(allowed.isEmpty() ? Status.PASS : Status.WARN).subject(subject)
                .detail("user", user).detail("allowed", allowed).detail("denied", denied).detail("source", source);
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
