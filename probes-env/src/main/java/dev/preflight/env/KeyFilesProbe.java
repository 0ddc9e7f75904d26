package dev.preflight.env;

import dev.preflight.env.internal.Findings;
import dev.preflight.env.internal.Variables;
import dev.preflight.env.internal.files.EnvFilePath;
import dev.preflight.env.internal.files.KeyFacts;
import dev.preflight.env.internal.files.KeyFileVariables;
import dev.preflight.env.internal.files.KeyParser;
import dev.preflight.env.internal.files.PosixMode;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.Templates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * {@code env.key-files}: the key files the environment file names exist, are private, and hold keys
 * of adequate size. A signing key readable by every account lets any of them mint tokens; a 1024-bit
 * RSA key is within reach of factoring (NIST SP 800-57 Part 1 Rev. 5 asks for 2048 bits or more); a
 * path left as in the sample ({@code /path/to/private.pem}) stops the application at its first
 * signature.
 *
 * <p>Key file variables: {@code *_KEY_FILE}, {@code *_KEY_PATH}, {@code *_KEY_LOCATION},
 * {@code *_KEYFILE}, {@code SSL_KEY}, {@code TLS_KEY}, {@code HTTPS_KEY} and
 * {@code GOOGLE_APPLICATION_CREDENTIALS} (a service account's JSON, with a private key inside), plus the
 * names of the setting. A relative path is resolved against the env file's directory, as the result
 * says; a value that holds a PEM key itself is not a path and is left to the secret probes. Files are
 * read only when they are regular files (a pipe would block), up to 64 KB. Formats: PEM PKCS#8, PKCS#1,
 * SEC1, encrypted PKCS#8 and legacy encrypted PEM, public keys and certificates, OpenSSH private keys,
 * and the service account JSON.
 * <ul>
 *   <li>PASS: every named file exists, only its owner may access it (public keys aside), and holds an
 *       RSA key of 2048 bits or more, an EC key on a curve of 256 bits or more, or an Ed25519/Ed448 key
 *       (each described in the summary, never shown).</li>
 *   <li>WARN: a private key's group may read it (e.g. {@code 0640}); the key is encrypted in a form whose
 *       size cannot be read without its passphrase; the file cannot be read, or its directory entered,
 *       by Preflight's account.
 *       (A file under a name such as {@code API_KEY_FILE} that holds a token rather than a key is judged
 *       by its presence and mode alone, and says so in the notes.)</li>
 *   <li>FAIL: the value is a template path ({@code /path/to/…}, {@code your-…}); the file is missing, a
 *       directory, a pipe, a dangling or looping link, or larger than any key; a private key is readable
 *       or writable by every user; the key is weaker than the sizes above or DSA; the content is not a
 *       key where a key is expected, or a public key where a private one is.</li>
 *   <li>SKIP: no variable names a key file.</li>
 * </ul>
 *
 * <p>Settings: {@code env.key-files.variable-name}, further names of variables holding key file paths,
 * comma-separated, {@code *} as a wildcard. Details: {@code checked}, {@code failures}, {@code warnings},
 * {@code notes} (each file's key and mode). Applies in every stage.
 *
 * @since 0.2
 */
public final class KeyFilesProbe implements Probe {
    /** Far above any key (a 16384-bit RSA PEM is about 13 KB, a service account JSON about 2.5 KB). */
    private static final int MAX_BYTES = 64 * 1024;

    /** Creates the probe; stateless. */
    public KeyFilesProbe() {
    }

    @Override
    public String id() {
        return "env.key-files";
    }

    @Override
    public String title() {
        return "Key files named by the env file exist, are private and strong enough";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ENV;
    }

    @Override
    public Result check(ProbeContext context) throws IOException {
        Predicate<String> named = KeyFileVariables.names(context.settings().list("variable-name"));
        Map<String, String> variables = Variables.matching(context.target().variables(), named);
        variables.values().removeIf(v -> v.isEmpty() || v.startsWith("-----BEGIN"));
        if (variables.isEmpty()) {
            return Result.skip("no variable names a key file (*_KEY_FILE, *_KEY_PATH, SSL_KEY, "
                    + "GOOGLE_APPLICATION_CREDENTIALS…)");
        }
        Optional<Path> envFile = EnvFilePath.of(context.target());
        Path base = envFile.map(Path::getParent).orElse(Path.of("").toAbsolutePath());
        String where = envFile.map(Path::toString).orElse(context.target().location());
        Findings findings = new Findings();
        for (Map.Entry<String, String> e : variables.entrySet()) {
            new KeyFileCheck(e.getKey(), e.getValue(), base, where, findings).run();
        }
        return findings.toResult(Variables.count(variables.size(), "key file") + " present, private and strong enough");
    }

    /** The checks of one variable's file, in order; the first failure ends them. */
    private static final class KeyFileCheck {
        private final String name;
        private final String value;
        private final Path base;
        private final String envFile;
        private final Findings findings;
        private final String upper;

        KeyFileCheck(String name, String value, Path base, String envFile, Findings findings) {
            this.name = name;
            this.value = value;
            this.base = base;
            this.envFile = envFile;
            this.findings = findings;
            this.upper = name.toUpperCase(Locale.ROOT);
        }

        void run() throws IOException {
            findings.checked(name);
            Optional<String> template = Templates.reason(value).or(() -> value.contains("path/to/")
                    ? Optional.of("is a template path (/path/to/…)") : Optional.empty());
            if (template.isPresent()) {
                fail(template.get(), "Set " + name + " in " + envFile + " to the path of the real key file.");
                return;
            }
            Path file;
            try {
                Path given = Path.of(value);
                file = given.isAbsolute() ? given : base.resolve(given).normalize();
            } catch (InvalidPathException e) {
                fail("is not a valid path", "Set " + name + " in " + envFile + " to the path of the key file.");
                return;
            }
            String shown = Path.of(value).isAbsolute() ? file.toString()
                    : file + " (relative, resolved against " + base + ")";
            if (!exists(file, shown)) {
                return;
            }
            boolean isPublic = KeyFileVariables.isPublic(upper);
            String mode = "";
            Optional<PosixMode> posix = PosixMode.of(file);
            if (posix.isPresent() && !isPublic) {
                mode = ", mode " + posix.get().octal();
                if (!privateEnough(posix.get(), file, shown)) {
                    return;
                }
            }
            String text;
            try {
                text = read(file);
            } catch (AccessDeniedException e) {
                findings.warn(name, "names " + shown + ", which Preflight's account may not read, so its key was"
                        + " not judged", "Run Preflight as the application's account to judge " + file + ".");
                return;
            }
            judge(text, file, shown, isPublic, mode);
        }

        private boolean exists(Path file, String shown) throws IOException {
            String fix = "Put the key file at " + file + ", or correct " + name + " in " + envFile + ".";
            if (Files.isSymbolicLink(file) && !Files.exists(file)) {
                fail("names " + shown + ", a symlink that points nowhere or loops", fix);
            } else if (Files.notExists(file)) {
                fail("names " + shown + ", which does not exist", fix);
            } else if (!Files.exists(file)) {
                // Neither exists nor not: a directory on the path denies Preflight's account (/etc/ssl/private).
                findings.warn(name, "names " + shown + ", which Preflight's account cannot look at (a directory on the"
                        + " path denies it), so it was not judged", "Run Preflight as the application's account.");
            } else if (Files.isDirectory(file)) {
                fail("names " + shown + ", a directory", fix);
            } else if (!Files.isRegularFile(file)) {
                fail("names " + shown + ", which is not a regular file (a pipe or device)", fix);
            } else if (Files.size(file) > MAX_BYTES) {
                fail("names " + shown + ", " + Files.size(file) + " bytes, larger than any key file", fix);
            } else {
                return true;
            }
            return false;
        }

        private boolean privateEnough(PosixMode mode, Path file, String shown) {
            if (mode.ownerOnly()) {
                return true;
            }
            String fix = "Run chmod 600 " + file + ", owned by the account the application runs as.";
            String reason = "names " + shown + " with mode " + mode.octal() + ": " + mode.whoElse()
                    + " may read or change the key";
            if (mode.worldReadable() || mode.worldWritable()) {
                fail(reason, fix);
                return false;
            }
            findings.warn(name, reason, fix);
            return true;
        }

        private void judge(String text, Path file, String shown, boolean isPublic, String mode) {
            KeyFacts facts;
            try {
                facts = KeyParser.parse(text);
            } catch (KeyParser.MalformedKeyException e) {
                if (KeyFileVariables.mustHoldAKey(upper) || text.contains("-----BEGIN")) {
                    fail("names " + shown + ", which " + e.getMessage(), "Point " + name + " at a PEM key file"
                            + " (openssl pkey -in FILE -noout checks one).");
                } else {
                    // API_KEY_FILE and the like hold a token, Docker-secrets style: present and private is all.
                    findings.note(name, "names " + shown + mode + ", which holds no PEM key; only its presence and mode"
                            + " were judged");
                }
                return;
            }
            Optional<String> weakness = facts.weakness();
            if (weakness.isPresent()) {
                fail("names " + shown + ", which " + weakness.get(), "Generate a new key (openssl genpkey -algorithm"
                        + " RSA -pkeyopt rsa_keygen_bits:3072, or -algorithm ed25519 where the consumer accepts it),"
                        + " put it at " + file + " and rotate what the old key signed.");
            } else if (!isPublic && !facts.privateKey()) {
                fail("names " + shown + ", which holds " + facts.describe() + " where a private key is"
                        + " expected", "Point " + name + " at the private key file.");
            } else if (!facts.judged()) {
                findings.warn(name, "names " + shown + ", which holds " + facts.describe() + ", whose size "
                        + (facts.encrypted() ? "cannot be read without its passphrase" : "Preflight cannot judge"),
                        "Check its size with openssl pkey -in " + file + " -noout -text: RSA needs 2048 bits, EC 256.");
            } else {
                findings.note(name, "is " + facts.describe() + mode + " at " + shown);
            }
        }

        private static String read(Path file) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                return new String(in.readNBytes(MAX_BYTES), StandardCharsets.ISO_8859_1);
            }
        }

        private void fail(String reason, String remediation) {
            findings.fail(name, reason, remediation);
        }
    }
}
