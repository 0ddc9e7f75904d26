package dev.preflight.env.internal.files;

import java.util.Optional;

/**
 * What a key file holds, as far as its judgement goes; never the key itself.
 *
 * @param format how it is written, e.g. {@code PKCS#8}, {@code PKCS#1}, {@code OpenSSH}
 * @param algorithm {@code RSA}, {@code EC}, {@code Ed25519}, {@code Ed448}, {@code DSA}, or the object
 *     identifier of another algorithm
 * @param bits the key size (RSA modulus, EC group order); 0 when unknown
 * @param privateKey whether the file holds a private key (rather than a public key or certificate)
 * @param encrypted whether the private key is encrypted with a passphrase
 * @since 0.2
 */
public record KeyFacts(String format, String algorithm, int bits, boolean privateKey, boolean encrypted) {
    /** RSA below this is breakable within reach (NIST SP 800-57 Part 1 Rev. 5, table 2: 112-bit security). */
    public static final int MIN_RSA_BITS = 2048;
    /** EC curves below this are below the 128-bit security of P-256, the smallest the checklist accepts. */
    public static final int MIN_EC_BITS = 256;

    /** @return e.g. {@code a 2048-bit RSA private key (PKCS#1)} */
    public String describe() {
        String size = bits > 0 ? bits + "-bit " : "";
        String kind = privateKey ? (encrypted ? "encrypted private key" : "private key") : "public key";
        return "a " + size + algorithm + " " + kind + " (" + format + ")";
    }

    /** @return why the key is too weak, if it is; empty when it is strong enough or its size is unknown */
    public Optional<String> weakness() {
        if (algorithm.equals("RSA") && bits > 0 && bits < MIN_RSA_BITS) {
            return Optional.of("is " + describe() + ", below the " + MIN_RSA_BITS + " bits RSA needs");
        }
        if (algorithm.equals("EC") && bits > 0 && bits < MIN_EC_BITS) {
            return Optional.of("is " + describe() + ", on a curve smaller than the " + MIN_EC_BITS + " bits of P-256");
        }
        if (algorithm.equals("DSA")) {
            return Optional.of("is " + describe() + "; DSA is withdrawn for signatures (FIPS 186-5)");
        }
        return Optional.empty();
    }

    /** @return whether the size could be judged: known, or an algorithm of fixed strength (Ed25519, Ed448) */
    public boolean judged() {
        return bits > 0 || algorithm.startsWith("Ed") || algorithm.equals("DSA");
    }
}
