package dev.preflight.db.redis.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A user's command rules as {@code ACL GETUSER} shows them ({@code "+@all -@dangerous +info"}),
 * applied in order the way Redis applies them, to tell whether the user may run a command: for Redis
 * 6, which has no {@code ACL DRYRUN}. A rule this class does not know makes the answer unknown
 * rather than a guess. Immutable.
 */
public final class AclRules {
    private final List<String> rules;

    private AclRules(List<String> rules) {
        this.rules = rules;
    }

    /**
     * @param commands the {@code commands} field of {@code ACL GETUSER}
     * @return the rules
     */
    public static AclRules parse(String commands) {
        return new AclRules(List.of(commands.strip().toLowerCase(Locale.ROOT).split("\\s+")));
    }

    /**
     * @param command a command as the user would send it, e.g. {@code config}
     * @param subcommand its subcommand, e.g. {@code get}, or null
     * @param categories the command's ACL categories without {@code @}, e.g. {@code admin}, {@code dangerous}
     * @return whether the rules allow it; empty when a rule is not understood
     */
    public Optional<Boolean> allows(String command, String subcommand, Set<String> categories) {
        boolean allowed = false;
        for (String rule : rules) {
            if (rule.isEmpty()) {
                continue;
            }
            if (rule.equals("allcommands")) {
                allowed = true;
                continue;
            }
            if (rule.equals("nocommands")) {
                allowed = false;
                continue;
            }
            char sign = rule.charAt(0);
            if (sign != '+' && sign != '-') {
                return Optional.empty();
            }
            String name = rule.substring(1);
            boolean matches;
            if (name.equals("@all")) {
                matches = true;
            } else if (name.startsWith("@")) {
                matches = categories.contains(name.substring(1));
            } else if (name.indexOf('|') >= 0) {
                matches = subcommand != null && name.equals(command + "|" + subcommand);
            } else {
                matches = name.equals(command);
            }
            if (matches) {
                allowed = sign == '+';
            }
        }
        return Optional.of(allowed);
    }
}
