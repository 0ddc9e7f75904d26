package dev.preflight.env.internal;

import java.util.List;
import java.util.Locale;

/**
 * Classifies Django's password hashers by class name. Django hashes new passwords with the first entry
 * of {@code PASSWORD_HASHERS} and keeps the rest only to verify, and upgrade, older hashes. PBKDF2,
 * Argon2, bcrypt and scrypt are slow, salted key-derivation functions; MD5, SHA-1, their unsalted forms
 * and Unix {@code crypt} are fast hashes that a GPU tries billions of times a second (OWASP Password
 * Storage Cheat Sheet). Django itself documents them for legacy verification and fast tests only.
 *
 * @since 0.1
 */
public final class DjangoHashers {
    private static final List<String> STRONG = List.of("pbkdf2", "argon2", "bcrypt", "scrypt");
    private static final List<String> WEAK = List.of("md5", "sha1", "unsalted", "crypt");

    /** How a hasher stores passwords. */
    public enum Strength {
        /** a slow, salted key-derivation function */
        STRONG,
        /** a fast or unsalted hash */
        WEAK,
        /** a class Preflight does not know, e.g. a project's own */
        UNKNOWN
    }

    private DjangoHashers() {
    }

    /**
     * @param entry a dotted path such as {@code django.contrib.auth.hashers.MD5PasswordHasher}
     * @return the class name, e.g. {@code MD5PasswordHasher}
     */
    public static String className(String entry) {
        String e = Variables.clean(entry);
        return e.substring(e.lastIndexOf('.') + 1);
    }

    /**
     * @param entry a dotted path or class name
     * @return its strength; {@code PBKDF2SHA1PasswordHasher} is strong (PBKDF2 is judged, not its digest)
     */
    public static Strength strength(String entry) {
        String name = className(entry).toLowerCase(Locale.ROOT);
        if (STRONG.stream().anyMatch(name::startsWith)) {
            return Strength.STRONG;
        }
        return WEAK.stream().anyMatch(name::contains) ? Strength.WEAK : Strength.UNKNOWN;
    }
}
