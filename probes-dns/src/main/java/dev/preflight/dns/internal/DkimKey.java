package dev.preflight.dns.internal;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A DKIM key record (RFC 6376 3.6.1, RFC 8301, RFC 8463) read strictly: tag names are case-sensitive
 * (RFC 6376 3.2). {@link #parse} never throws: whatever is malformed becomes a {@link Problem}.
 */
public final class DkimKey {
    /** Folding white space inside p= (RFC 6376 3.6.1): removed before decoding. */
    private static final Pattern KEY_WHITESPACE = Pattern.compile("[ \\t\\r\\n]");
    /** RFC 8410: the SubjectPublicKeyInfo of an Ed25519 key is this prefix and the raw 32 bytes. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** AlgorithmIdentifier of rsaEncryption with NULL parameters, DER. */
    private static final byte[] RSA_ALGORITHM = HexFormat.of().parseHex("300d06092a864886f70d0101010500");

    private final String text;
    private final TagList tags;
    private final List<Problem> problems = new ArrayList<>();
    private String keyType = "rsa";
    private Integer keyBits;
    private boolean revoked;
    private boolean testing;

    private DkimKey(String text) {
        this.text = text == null ? "" : text;
        this.tags = TagList.parse(this.text, true);
    }

    /** @param text a TXT record's text, joined from its strings @return the key record, with its problems */
    public static DkimKey parse(String text) {
        DkimKey k = new DkimKey(text);
        try {
            k.read();
        } catch (RuntimeException e) {
            k.problems.add(Problem.fail("the key record could not be read: " + e,
                    "Republish the record as your mail provider or signer gives it: 'v=DKIM1; k=rsa; p=<base64 key>'."));
        }
        return k;
    }

    /**
     * @return whether the text looks like a DKIM key record at all: it has a {@code p=} tag or starts
     *     with {@code v=DKIM1}
     */
    public boolean looksLikeKey() {
        return tags.indexOf("p") >= 0 || text.strip().startsWith("v=DKIM1");
    }

    private void read() {
        String republish = "Republish the key record exactly as your signer or mail provider gives it.";
        for (String error : tags.syntaxErrors()) {
            problems.add(Problem.fail(error, "Write each tag as name=value, separated by ';' (RFC 6376 3.2)."));
        }
        for (String twice : tags.duplicates()) {
            problems.add(Problem.fail("tag " + twice + "= appears more than once, which makes the record invalid"
                    + " (RFC 6376 3.2)", "Keep one " + twice + "= tag."));
        }
        int v = tags.indexOf("v");
        if (v > 0) {
            problems.add(Problem.fail("v= is not the first tag", "Put v=DKIM1 first or remove it (RFC 6376 3.6.1)."));
        }
        if (v >= 0 && !"DKIM1".equals(tags.get("v"))) {
            problems.add(Problem.fail("v=" + tags.get("v") + " is not DKIM1", "Set v=DKIM1 or remove v=."));
        }
        String k = tags.get("k");
        if (k != null) {
            keyType = k.toLowerCase(Locale.ROOT);
            if (!keyType.equals("rsa") && !keyType.equals("ed25519")) {
                problems.add(Problem.fail("k=" + k + " is not a key type verifiers know (rsa, ed25519)",
                        "Set k=rsa or k=ed25519 to match the key in p=."));
            }
        }
        readHashes();
        readFlags();
        String s = tags.get("s");
        if (s != null && Arrays.stream(s.split(":")).map(String::strip).noneMatch(x -> x.equals("*")
                || x.equals("email"))) {
            problems.add(Problem.fail("s=" + s + ": the key is not for email", "Set s=email or s=*, or remove s=."));
        }
        String p = tags.get("p");
        if (p == null) {
            problems.add(Problem.fail("no p= tag: the record holds no key", republish));
            return;
        }
        String base64 = KEY_WHITESPACE.matcher(p).replaceAll("");
        if (base64.isEmpty()) {
            revoked = true;
            problems.add(Problem.fail("p= is empty: the key is revoked (RFC 6376 3.6.1)",
                    "Sign with a current key and publish it under its selector, or stop naming this selector."));
            return;
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.fail("p= is not valid base64", republish));
            return;
        }
        if (keyType.equals("ed25519")) {
            readEd25519(der, republish);
        } else if (keyType.equals("rsa")) {
            readRsa(der, republish);
        }
    }

    private void readHashes() {
        String h = tags.get("h");
        if (h == null) {
            return;
        }
        List<String> hashes = Arrays.stream(h.split(":")).map(x -> x.strip().toLowerCase(Locale.ROOT)).toList();
        if (hashes.contains("sha256")) {
            return;
        }
        if (hashes.contains("sha1")) {
            problems.add(Problem.warn("h=" + h + ": the key allows only SHA-1 signatures, which verifiers must not"
                    + " accept (RFC 8301)", "Set h=sha256 (or remove h=) and sign with rsa-sha256."));
        } else {
            problems.add(Problem.fail("h=" + h + " names no hash algorithm verifiers know",
                    "Set h=sha256 or remove h=."));
        }
    }

    private void readFlags() {
        String t = tags.get("t");
        if (t != null && Arrays.stream(t.split(":")).map(String::strip).anyMatch("y"::equals)) {
            testing = true;
            problems.add(Problem.warn("t=y: the domain is testing DKIM, and verifiers may treat signatures as"
                    + " unsigned (RFC 6376 3.6.1)", "Remove y from t= once signing works."));
        }
    }

    private void readEd25519(byte[] raw, String republish) {
        if (raw.length != 32) {
            problems.add(Problem.fail("p= holds " + raw.length + " bytes, not the raw 32-byte Ed25519 key"
                    + (raw.length == 44 ? " (it looks like a SubjectPublicKeyInfo)" : "") + " (RFC 8463)",
                    "Publish the bare 32-byte Ed25519 public key, base64-encoded, in p= (RFC 8463 4.2)."));
            return;
        }
        byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
        System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, 32);
        try {
            KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
            keyBits = 256;
        } catch (Exception e) {
            problems.add(Problem.fail("p= is not an Ed25519 public key", republish));
        }
    }

    private void readRsa(byte[] der, String republish) {
        Optional<PublicKey> key = rsa(der);
        boolean pkcs1 = false;
        if (key.isEmpty()) {
            key = rsa(wrapPkcs1(der));
            pkcs1 = key.isPresent();
        }
        Integer bits = key.map(k -> ((RSAPublicKey) k).getModulus().bitLength()).orElse(null);
        if (bits == null) {
            // KeyFactory refuses RSA keys below 512 bits; read the modulus to say how short it is.
            bits = Der.rsaModulusBits(der).orElse(null);
            if (bits == null || bits >= 512) {
                problems.add(Problem.fail("p= is not an RSA public key", republish));
                return;
            }
        }
        keyBits = bits;
        if (pkcs1) {
            problems.add(Problem.warn("p= is a bare RSAPublicKey, not a SubjectPublicKeyInfo; some verifiers reject it",
                    "Publish the key as 'openssl rsa -pubout' prints it (SubjectPublicKeyInfo, starting MIIB...)."));
        }
        if (bits < 1024) {
            problems.add(Problem.fail("the RSA key has " + bits + " bits: verifiers must not accept keys under 1024"
                    + " bits (RFC 8301)", "Generate a 2048-bit RSA key, sign with it under a new selector, publish"
                    + " it, then remove this one."));
        } else if (bits < 2048) {
            problems.add(Problem.warn("the RSA key has " + bits + " bits, under the 2048 RFC 8301 asks signers for",
                    "Rotate to a 2048-bit RSA key under a new selector (most DNS hosts take the split TXT record)."));
        }
    }

    private static Optional<PublicKey> rsa(byte[] der) {
        if (der == null) {
            return Optional.empty();
        }
        try {
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
            return key instanceof RSAPublicKey ? Optional.of(key) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** @return the PKCS#1 RSAPublicKey wrapped as a SubjectPublicKeyInfo, or null if it is not one */
    private static byte[] wrapPkcs1(byte[] der) {
        if (Der.rsaPkcs1ModulusBits(der).isEmpty()) {
            return null;
        }
        byte[] bitString = Der.tlv(0x03, concat(new byte[] {0}, der));
        return Der.tlv(0x30, concat(RSA_ALGORITHM, bitString));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** @return the record's text */
    public String text() {
        return text;
    }

    /** @return k=, {@code rsa} by default */
    public String keyType() {
        return keyType;
    }

    /** @return the key's size in bits when it could be read */
    public Optional<Integer> keyBits() {
        return Optional.ofNullable(keyBits);
    }

    /** @return whether p= is empty: the key was revoked (RFC 6376 3.6.1) */
    public boolean revoked() {
        return revoked;
    }

    /**
     * @return whether the domain is testing DKIM ({@code t=y}): verifiers treat its signatures as
     *     unsigned (RFC 6376 3.6.1), so they cannot align
     */
    public boolean testing() {
        return testing;
    }

        /** @return what is wrong with the record */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Just enough DER to find an RSA modulus; every read is bounds-checked and fails as empty. */
    static final class Der {
        private Der() {
        }

        /** @return bits of the modulus of a SubjectPublicKeyInfo or a bare RSAPublicKey */
        static Optional<Integer> rsaModulusBits(byte[] der) {
            Optional<Integer> bare = rsaPkcs1ModulusBits(der);
            if (bare.isPresent()) {
                return bare;
            }
            int[] outer = header(der, 0, 0x30);
            if (outer == null) {
                return Optional.empty();
            }
            int[] algorithm = header(der, outer[0], 0x30);
            if (algorithm == null) {
                return Optional.empty();
            }
            int[] bits = header(der, algorithm[0] + algorithm[1], 0x03);
            if (bits == null || bits[1] < 2) {
                return Optional.empty();
            }
            return rsaPkcs1ModulusBits(Arrays.copyOfRange(der, bits[0] + 1, bits[0] + bits[1]));
        }

        static Optional<Integer> rsaPkcs1ModulusBits(byte[] der) {
            if (der == null) {
                return Optional.empty();
            }
            int[] seq = header(der, 0, 0x30);
            if (seq == null || seq[0] + seq[1] != der.length) {
                return Optional.empty();
            }
            int[] modulus = header(der, seq[0], 0x02);
            if (modulus == null || modulus[1] == 0) {
                return Optional.empty();
            }
            int[] exponent = header(der, modulus[0] + modulus[1], 0x02);
            if (exponent == null || exponent[0] + exponent[1] != der.length) {
                return Optional.empty();
            }
            byte[] n = Arrays.copyOfRange(der, modulus[0], modulus[0] + modulus[1]);
            return Optional.of(new BigInteger(1, n).bitLength());
        }

        /** @return {content offset, content length} of the element at {@code at} with the tag, or null */
        static int[] header(byte[] der, int at, int tag) {
            if (at < 0 || at + 2 > der.length || (der[at] & 0xff) != tag) {
                return null;
            }
            int first = der[at + 1] & 0xff;
            int offset = at + 2;
            long length;
            if (first < 0x80) {
                length = first;
            } else {
                int count = first & 0x7f;
                if (count == 0 || count > 3 || offset + count > der.length) {
                    return null;
                }
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = (length << 8) | (der[offset + i] & 0xff);
                }
                offset += count;
            }
            if (offset + length > der.length) {
                return null;
            }
            return new int[] {offset, (int) length};
        }

        static byte[] tlv(int tag, byte[] content) {
            int n = content.length;
            byte[] length = n < 0x80 ? new byte[] {(byte) n}
                    : n < 0x100 ? new byte[] {(byte) 0x81, (byte) n}
                    : n < 0x10000 ? new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n}
                    : new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
            byte[] out = new byte[1 + length.length + n];
            out[0] = (byte) tag;
            System.arraycopy(length, 0, out, 1, length.length);
            System.arraycopy(content, 0, out, 1 + length.length, n);
            return out;
        }
    }
}
