package dev.preflight.env;

import dev.preflight.env.internal.Argon2Minimums;
import dev.preflight.env.internal.DjangoHashers;
import dev.preflight.env.internal.Findings;
import dev.preflight.env.internal.SecretVariables;
import dev.preflight.env.internal.ValueLists;
import dev.preflight.env.internal.Variables;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.Stage;
import dev.preflight.support.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code env.password-hashing}: stored passwords are hashed with a slow algorithm at a cost that holds
 * up to offline guessing. Once a database leaks, the hash's cost is the only thing between an attacker
 * and the users' passwords (OWASP Password Storage Cheat Sheet: Argon2id with at least 19 MiB and 2
 * passes, or bcrypt with a work factor of at least 10).
 *
 * <p>Reads:
 * <ul>
 * <li>bcrypt costs: {@code BCRYPT_ROUNDS} (Laravel), {@code BCRYPT_COST}, {@code SALT_ROUNDS},
 *     {@code BCRYPT_SALT_ROUNDS} (Node's {@code bcrypt}), {@code BCRYPT_LOG_ROUNDS} (Flask-Bcrypt),
 *     {@code BCRYPT_WORK_FACTOR}, and the names of the setting {@code variable-name}. A whole number from
 *     12 to 31 passes; 10 or 11 WARNs in production (below today's common 12); under 10 FAILs in
 *     production (below OWASP's minimum) and WARNs in other stages; above 31 (bcrypt's maximum), empty,
 *     not a whole number, or a {@linkplain Templates template} FAILs in every stage.</li>
 * <li>Argon2 (Laravel): {@code ARGON_MEMORY} (KiB), {@code ARGON_TIME} (passes), {@code ARGON_THREADS},
 *     also spelt {@code ARGON2_…}. Each must be a positive whole number (else FAIL). Memory and passes,
 *     an unset one taking Laravel's default (65536 KiB, 4 passes), must reach one of OWASP's Argon2id
 *     configurations ({@link Argon2Minimums}): below FAILs in production and WARNs elsewhere. More than
 *     4 GiB per hash WARNs: concurrent logins would exhaust the server's memory.</li>
 * <li>{@code HASH_DRIVER}, {@code HASHING_DRIVER} (Laravel): {@code bcrypt}, {@code argon} or
 *     {@code argon2id} passes; anything else FAILs (Laravel has no other password driver).</li>
 * <li>Django's {@code PASSWORD_HASHERS} (or {@code DJANGO_PASSWORD_HASHERS}) when set in the file, a
 *     comma-separated or JSON-style list: the first entry hashes new passwords. PBKDF2, Argon2, bcrypt or
 *     scrypt passes; MD5, SHA-1, unsalted or {@code crypt} FAILs in production and WARNs elsewhere; an
 *     empty list FAILs; a hasher Preflight does not know WARNs.</li>
 * </ul>
 * Cost values are not secret, so summaries quote them. None set: SKIP.
 *
 * <p>Details: {@code checked}, {@code failures}, {@code warnings}, {@code notes}, and {@code costs}
 * ({@code NAME: value} of each cost that parsed).
 *
 * <p>Settings: {@code env.password-hashing.variable-name}, further names of bcrypt cost variables,
 * comma-separated, {@code *} matching any run of characters.
 *
 * @since 0.1
 */
public final class PasswordHashingProbe implements Probe {
    static final List<String> BCRYPT = List.of("BCRYPT_ROUNDS", "BCRYPT_COST", "SALT_ROUNDS", "BCRYPT_SALT_ROUNDS",
            "BCRYPT_LOG_ROUNDS", "BCRYPT_WORK_FACTOR");
    static final List<String> DRIVERS = List.of("HASH_DRIVER", "HASHING_DRIVER");
    static final List<String> DJANGO = List.of("PASSWORD_HASHERS", "DJANGO_PASSWORD_HASHERS");
    private static final List<String> MEMORY = List.of("ARGON_MEMORY", "ARGON2_MEMORY");
    private static final List<String> TIME = List.of("ARGON_TIME", "ARGON2_TIME");
    private static final List<String> THREADS = List.of("ARGON_THREADS", "ARGON2_THREADS");
    private static final Set<String> LARAVEL_DRIVERS = Set.of("bcrypt", "argon", "argon2id");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final int BCRYPT_MAX = 31;
    private static final int OWASP_BCRYPT = 10;
    private static final int GOOD_BCRYPT = 12;
    private static final long LARAVEL_MEMORY = 65536;
    private static final long LARAVEL_TIME = 4;
    private static final long MEMORY_CEILING = 4L * 1024 * 1024;

    /** Creates the probe; stateless. */
    public PasswordHashingProbe() {
    }

    @Override
    public String id() {
        return "env.password-hashing";
    }

    @Override
    public String title() {
        return "Passwords are hashed slowly enough";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ENV;
    }

    @Override
    public Result check(ProbeContext context) {
        Map<String, String> variables = context.target().variables();
        Pattern added = SecretVariables.globs(context.settings().list("variable-name"));
        Map<String, String> bcrypt = Variables.matching(variables, n -> BCRYPT.contains(n) || added.matcher(n).matches());
        Map<String, String> memory = Variables.named(variables, MEMORY);
        Map<String, String> time = Variables.named(variables, TIME);
        Map<String, String> threads = Variables.named(variables, THREADS);
        Map<String, String> drivers = Variables.named(variables, DRIVERS);
        Map<String, String> django = Variables.named(variables, DJANGO);
        if (bcrypt.isEmpty() && memory.isEmpty() && time.isEmpty() && threads.isEmpty() && drivers.isEmpty()
                && django.isEmpty()) {
            return Result.skip("no password hashing setting (looked for " + Variables.list(BCRYPT) + ", ARGON_MEMORY,"
                    + " ARGON_TIME, ARGON_THREADS, " + Variables.list(DRIVERS) + ", " + Variables.list(DJANGO) + ")");
        }
        Judge judge = new Judge(Stage.of(context.target()), context.target().location(), new Findings());
        bcrypt.forEach(judge::bcrypt);
        judge.argon(memory, time, threads);
        drivers.forEach(judge::driver);
        django.forEach(judge::django);
        judge.findings.detail("costs", judge.costs);
        List<String> names = new ArrayList<>();
        List.of(bcrypt, memory, time, threads, drivers, django).forEach(found -> names.addAll(found.keySet()));
        return judge.findings.toResult("passwords are hashed with a slow algorithm at a sufficient cost ("
                + String.join(", ", names) + ")");
    }

    /** One check's judgement: the stage, the file and what was found. */
    private static final class Judge {
        private final Stage stage;
        private final String file;
        private final Findings findings;
        private final List<String> costs = new ArrayList<>();

        Judge(Stage stage, String file, Findings findings) {
            this.stage = stage;
            this.file = file;
            this.findings = findings;
        }

        void bcrypt(String name, String value) {
            findings.checked(name);
            String fix = "Set " + name + "=12 in " + file + " (each step doubles the work; measure ~250 ms per hash on"
                    + " the server and go higher if it allows).";
            OptionalLong cost = wholeNumber(name, value, "a bcrypt cost", fix);
            if (cost.isEmpty()) {
                return;
            }
            long n = cost.getAsLong();
            costs.add(name + ": " + n);
            if (n > BCRYPT_MAX) {
                findings.fail(name, "is " + shown(value) + ", above bcrypt's maximum of 31: hashing fails or never ends",
                        fix);
            } else if (n < OWASP_BCRYPT) {
                weak(name, "is " + n + ", below OWASP's minimum bcrypt cost of 10 (2^" + n + " rounds)", fix);
            } else if (n < GOOD_BCRYPT && stage.isProduction()) {
                findings.warn(name, "is " + n + ", below the cost of 12 that current hardware affords", fix);
            } else if (n < GOOD_BCRYPT) {
                findings.note(name, "is " + n + " in " + stage.name());
            }
        }

        void argon(Map<String, String> memory, Map<String, String> time, Map<String, String> threads) {
            String fix = "Set ARGON_MEMORY=65536 (64 MiB) and ARGON_TIME=4, Laravel's defaults, or at least one of"
                    + " OWASP's Argon2id configurations (" + Argon2Minimums.describe() + "), in " + file + ".";
            OptionalLong m = first(memory, "a memory size in KiB", fix);
            OptionalLong t = first(time, "a number of passes", fix);
            OptionalLong p = first(threads, "a number of threads", fix);
            threads.keySet().forEach(findings::checked);
            if (memory.isEmpty() && time.isEmpty() || !memory.isEmpty() && m.isEmpty() || !time.isEmpty() && t.isEmpty()) {
                return; // threads alone are only read as a number; a bad memory or time has failed already
            }
            long kib = m.orElse(LARAVEL_MEMORY);
            long passes = t.orElse(LARAVEL_TIME);
            String name = memory.isEmpty() ? time.keySet().iterator().next() : memory.keySet().iterator().next();
            String setting = kib + " KiB with " + passes + (passes == 1 ? " pass" : " passes")
                    + (memory.isEmpty() || time.isEmpty() ? " (the other at Laravel's default)" : "");
            costs.add("argon2: " + setting + (p.isPresent() ? ", " + p.getAsLong() + " threads" : ""));
            if (!Argon2Minimums.met(kib, passes)) {
                weak(name, "gives Argon2 " + setting + ", below OWASP's minimum (" + Argon2Minimums.memoryFor(passes)
                        + " KiB with " + passes + (passes == 1 ? " pass" : " passes") + ")", fix);
            } else if (kib > MEMORY_CEILING) {
                findings.warn(name, "asks for " + kib + " KiB per hash, more than 4 GiB: concurrent logins would exhaust"
                        + " the server's memory", fix);
            }
        }

        void driver(String name, String value) {
            findings.checked(name);
            String driver = value.toLowerCase(Locale.ROOT);
            if (LARAVEL_DRIVERS.contains(driver)) {
                return;
            }
            findings.fail(name, "is " + (value.isEmpty() ? "empty" : shown(value)) + ", not a password hashing driver"
                    + " (bcrypt, argon, argon2id)", "Set " + name + "=argon2id (or bcrypt) in " + file + ".");
        }

        void django(String name, String value) {
            findings.checked(name);
            List<String> hashers = ValueLists.split(value);
            String fix = "List django.contrib.auth.hashers.Argon2PasswordHasher (or PBKDF2PasswordHasher) first in "
                    + name + " in " + file + "; keep older hashers after it so existing passwords upgrade on login.";
            if (hashers.isEmpty()) {
                findings.fail(name, "lists no hasher", fix);
                return;
            }
            String first = DjangoHashers.className(hashers.get(0));
            switch (DjangoHashers.strength(hashers.get(0))) {
                case STRONG -> costs.add(name + ": " + first);
                case WEAK -> weak(name, "hashes new passwords with " + shown(first) + ", a fast or unsalted hash", fix);
                default -> findings.warn(name, "hashes new passwords with " + shown(first)
                        + ", which Preflight does not know", "Make sure " + shown(first) + " is a slow, salted key"
                        + " derivation function (Argon2id, scrypt, bcrypt, PBKDF2); otherwise: " + fix);
            }
        }

        /** Below a security minimum: FAIL in production, WARN where test suites lower costs for speed. */
        private void weak(String name, String reason, String fix) {
            if (stage.isProduction()) {
                findings.fail(name, reason, fix);
            } else {
                findings.warn(name, reason + " in " + stage.name(), fix);
            }
        }

        private OptionalLong first(Map<String, String> found, String what, String fix) {
            return found.entrySet().stream().findFirst()
                    .map(e -> {
                        findings.checked(e.getKey());
                        OptionalLong n = wholeNumber(e.getKey(), e.getValue(), what, fix);
                        if (n.isPresent() && n.getAsLong() < 1) {
                            findings.fail(e.getKey(), "is 0, not " + what, fix);
                            return OptionalLong.empty();
                        }
                        return n;
                    }).orElse(OptionalLong.empty());
        }

        /** The value as a whole number, or a FAIL saying why it is not one. */
        private OptionalLong wholeNumber(String name, String value, String what, String fix) {
            if (value.isEmpty()) {
                findings.fail(name, "is empty, not " + what, fix);
                return OptionalLong.empty();
            }
            Optional<String> template = Templates.reason(value);
            if (template.isPresent()) {
                findings.fail(name, template.get(), fix);
                return OptionalLong.empty();
            }
            if (!DIGITS.matcher(value).matches()) {
                findings.fail(name, "is " + shown(value) + ", not " + what + " (a whole number)", fix);
                return OptionalLong.empty();
            }
            // Longer than any sane cost: read as too large rather than overflow.
            return OptionalLong.of(value.length() > 12 ? Long.MAX_VALUE : Long.parseLong(value));
        }

        private static String shown(String value) {
            return Variables.show(value);
        }
    }
}
