package dev.preflight.env.internal.files;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.DSAPublicKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads the kind and size of the key in a key file's text, with BouncyCastle for the PEM forms:
 * PKCS#8 ({@code PRIVATE KEY}, {@code ENCRYPTED PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}), SEC1
 * ({@code EC PRIVATE KEY}), public keys, certificates; OpenSSH's own format, whose public half is
 * readable even when the private half is encrypted; and a Google service account's JSON, whose
 * {@code private_key} is a PKCS#8 PEM. Nothing of the key leaves this class but its facts, and no
 * parser message (which could quote bytes) is passed on.
 *
 * @since 0.2
 */
public final class KeyParser {
    private static final String OPENSSH_BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final String OPENSSH_END = "-----END OPENSSH PRIVATE KEY-----";
    private static final byte[] OPENSSH_MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    /** PEM objects read before giving up: openssl ecparam writes EC PARAMETERS before the key. */
    private static final int MAX_OBJECTS = 8;
    private static final Pattern JSON_KEY = Pattern.compile("\"private_key\"\\s*:\\s*\"(-----BEGIN [^\"]*)\"");

    private KeyParser() {
    }

    /**
     * @param text the file's text
     * @return the facts of the first key in it
     * @throws MalformedKeyException with a reason fit to print, when no key can be read
     */
    public static KeyFacts parse(String text) throws MalformedKeyException {
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            Matcher m = JSON_KEY.matcher(trimmed);
            if (!m.find()) {
                throw new MalformedKeyException("is JSON without a private_key");
            }
            return pem(m.group(1).replace("\\n", "\n"));
        }
        int openssh = trimmed.indexOf(OPENSSH_BEGIN);
        if (openssh >= 0) {
            return openssh(trimmed.substring(openssh + OPENSSH_BEGIN.length()));
        }
        if (!trimmed.contains("-----BEGIN ")) {
            throw new MalformedKeyException("holds no PEM block (-----BEGIN …-----)");
        }
        return pem(trimmed);
    }

    private static KeyFacts pem(String text) throws MalformedKeyException {
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (int i = 0; i < MAX_OBJECTS; i++) {
                Object o = parser.readObject();
                if (o == null) {
                    break;
                }
                Optional<KeyFacts> facts = facts(o);
                if (facts.isPresent()) {
                    return facts.get();
                }
            }
        } catch (IOException | RuntimeException e) {
            // BouncyCastle's messages may quote the bytes it choked on: keep only that it failed.
            throw new MalformedKeyException("holds a PEM block that is not a well-formed key");
        }
        throw new MalformedKeyException("holds no key in its PEM blocks");
    }

    private static Optional<KeyFacts> facts(Object o) throws IOException {
        if (o instanceof PEMKeyPair pair) {
            String format = pair.getPrivateKeyInfo().getPrivateKeyAlgorithm().getAlgorithm()
                    .equals(PKCSObjectIdentifiers.rsaEncryption) ? "PKCS#1" : "SEC1";
            return Optional.of(privateKey(pair.getPrivateKeyInfo(), format));
        }
        if (o instanceof PrivateKeyInfo info) {
            return Optional.of(privateKey(info, "PKCS#8"));
        }
        if (o instanceof PKCS8EncryptedPrivateKeyInfo) {
            return Optional.of(new KeyFacts("encrypted PKCS#8", "key", 0, true, true));
        }
        if (o instanceof PEMEncryptedKeyPair) {
            return Optional.of(new KeyFacts("encrypted PEM", "key", 0, true, true));
        }
        if (o instanceof SubjectPublicKeyInfo info) {
            return Optional.of(publicKey(info, "SubjectPublicKeyInfo"));
        }
        if (o instanceof X509CertificateHolder cert) {
            return Optional.of(publicKey(cert.getSubjectPublicKeyInfo(), "X.509 certificate"));
        }
        return Optional.empty();
    }

    private static KeyFacts privateKey(PrivateKeyInfo info, String format) throws IOException {
        AlgorithmIdentifier alg = info.getPrivateKeyAlgorithm();
        ASN1ObjectIdentifier oid = alg.getAlgorithm();
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption) || oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
            int bits = RSAPrivateKey.getInstance(info.parsePrivateKey()).getModulus().bitLength();
            return new KeyFacts(format, "RSA", bits, true, false);
        }
        return new KeyFacts(format, algorithm(oid), ecBits(alg), true, false);
    }

    private static KeyFacts publicKey(SubjectPublicKeyInfo info, String format) throws IOException {
        AlgorithmIdentifier alg = info.getAlgorithm();
        ASN1ObjectIdentifier oid = alg.getAlgorithm();
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption) || oid.equals(PKCSObjectIdentifiers.id_RSASSA_PSS)) {
            int bits = RSAPublicKey.getInstance(info.parsePublicKey()).getModulus().bitLength();
            return new KeyFacts(format, "RSA", bits, false, false);
        }
        return new KeyFacts(format, algorithm(oid), ecBits(alg), false, false);
    }

    private static String algorithm(ASN1ObjectIdentifier oid) {
        if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            return "EC";
        }
        if (oid.equals(EdECObjectIdentifiers.id_Ed25519)) {
            return "Ed25519";
        }
        if (oid.equals(EdECObjectIdentifiers.id_Ed448)) {
            return "Ed448";
        }
        if (oid.equals(X9ObjectIdentifiers.id_dsa)) {
            return "DSA";
        }
        return oid.getId();
    }

    /** @return the order's size of an EC key's curve, named or explicit; 0 for other algorithms */
    private static int ecBits(AlgorithmIdentifier alg) {
        if (!alg.getAlgorithm().equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            return 0;
        }
        X962Parameters params = X962Parameters.getInstance(alg.getParameters());
        ASN1Encodable inner = params.getParameters();
        X9ECParameters curve = params.isNamedCurve() ? ECNamedCurveTable.getByOID((ASN1ObjectIdentifier) inner)
                : params.isImplicitlyCA() ? null : X9ECParameters.getInstance(inner);
        return curve == null ? 0 : curve.getN().bitLength();
    }

    /**
     * The OpenSSH format (PROTOCOL.key in OpenSSH's sources): the magic, cipher, KDF, KDF options, the
     * key count, then the public key in the clear; only the private section after it is encrypted.
     */
    private static KeyFacts openssh(String rest) throws MalformedKeyException {
        int end = rest.indexOf(OPENSSH_END);
        if (end < 0) {
            throw new MalformedKeyException("holds an OpenSSH key without its END line");
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(Base64.getMimeDecoder().decode(rest.substring(0, end)));
            byte[] magic = new byte[OPENSSH_MAGIC.length];
            in.get(magic);
            if (!java.util.Arrays.equals(magic, OPENSSH_MAGIC)) {
                throw new MalformedKeyException("holds an OpenSSH block without the openssh-key-v1 header");
            }
            String cipher = new String(string(in), StandardCharsets.US_ASCII);
            string(in);
            string(in);
            if (in.getInt() < 1) {
                throw new MalformedKeyException("holds an OpenSSH block with no key");
            }
            AsymmetricKeyParameter key = OpenSSHPublicKeyUtil.parsePublicKey(string(in));
            boolean encrypted = !cipher.equals("none");
            if (key instanceof RSAKeyParameters rsa) {
                return new KeyFacts("OpenSSH", "RSA", rsa.getModulus().bitLength(), true, encrypted);
            }
            if (key instanceof ECPublicKeyParameters ec) {
                return new KeyFacts("OpenSSH", "EC", ec.getParameters().getN().bitLength(), true, encrypted);
            }
            if (key instanceof DSAPublicKeyParameters) {
                return new KeyFacts("OpenSSH", "DSA", 0, true, encrypted);
            }
            String type = key.getClass().getSimpleName();
            return new KeyFacts("OpenSSH", type.startsWith("Ed448") ? "Ed448" : type.startsWith("Ed25519") ? "Ed25519"
                    : "unknown", 0, true, encrypted);
        } catch (RuntimeException e) {
            throw new MalformedKeyException("holds an OpenSSH block that is not a well-formed key");
        }
    }

    /** An SSH {@code string}: a big-endian uint32 length, then that many bytes. */
    private static byte[] string(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("length beyond the data");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    /** A key file whose content is not a readable key; the message is a reason fit to print. */
    public static final class MalformedKeyException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedKeyException(String reason) {
            super(reason);
        }
    }
}
