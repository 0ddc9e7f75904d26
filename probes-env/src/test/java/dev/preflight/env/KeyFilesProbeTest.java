package dev.preflight.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys generated in each test, written to real files with real modes. */
class KeyFilesProbeTest {
    private static final KeyPair RSA_2048 = TestKeys.rsa(2048);

    @TempDir
    Path dir;

    private Path env() {
        return FileCheck.write(dir.resolve(".env.production"), "X=1\n", "rw-------");
    }

    private Path key(String name, String text, String mode) {
        return FileCheck.write(dir.resolve(name), text, mode);
    }

    private Result check(String name, String value) {
        return FileCheck.of(new KeyFilesProbe(), env()).with(name, value).result();
    }

    private static String notes(Result r) {
        return String.valueOf(r.details().get("notes"));
    }

    @Test
    void privateRsa2048KeyWithMode600Passes() {
        Path key = key("jwt.pem", TestKeys.pkcs8(RSA_2048), "rw-------");
        Result r = check("JWT_PRIVATE_KEY_PATH", key.toString());
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(notes(r)).contains("2048-bit RSA private key (PKCS#8)").contains("0600");
        assertThat(r.summary()).doesNotContain("MII");
    }

    @Test
    void pkcs1AndSec1KeysAreRead() {
        key("rsa.pem", TestKeys.traditional(RSA_2048), "r--------");
        key("ec.pem", TestKeys.traditional(TestKeys.ec("secp256r1")), "rw-------");
        Result r = FileCheck.of(new KeyFilesProbe(), env()).with("SSL_KEY_FILE", "rsa.pem")
                .with("SIGNING_KEY_PATH", "ec.pem").result();
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(notes(r)).contains("2048-bit RSA private key (PKCS#1)").contains("256-bit EC private key (SEC1)")
                .contains("relative, resolved against " + dir);
    }

    @Test
    void ed25519KeyPasses() {
        key("ed.pem", TestKeys.pkcs8(TestKeys.ed25519()), "rw-------");
        Result r = check("JWT_PRIVATE_KEY_FILE", "ed.pem");
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(notes(r)).contains("Ed25519 private key");
    }

    @Test
    void rsa1024KeyFails() {
        key("weak.pem", TestKeys.traditional(TestKeys.rsa(1024)), "rw-------");
        Result r = check("JWT_PRIVATE_KEY_PATH", "weak.pem");
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).contains("1024-bit RSA").contains("2048");
        assertThat(r.remediation()).hasValueSatisfying(fix -> assertThat(fix).contains("openssl genpkey"));
    }

    @Test
    void smallCurveFails() {
        key("p192.pem", TestKeys.pkcs8(TestKeys.ec("secp192r1")), "rw-------");
        Result r = check("TLS_KEY", "p192.pem");
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).contains("192-bit EC");
    }

    @Test
    void worldReadableKeyFails() {
        key("jwt.pem", TestKeys.pkcs8(RSA_2048), "rw-r--r--");
        Result r = check("JWT_PRIVATE_KEY_PATH", "jwt.pem");
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).contains("0644").contains("every user");
        assertThat(r.remediation()).hasValueSatisfying(fix -> assertThat(fix).contains("chmod 600"));
    }

    @Test
    void groupReadableKeyWarns() {
        key("tls.key", TestKeys.traditional(RSA_2048), "rw-r-----");
        Result r = check("SSL_KEY_FILE", "tls.key");
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.summary()).contains("0640").contains("its group");
    }

    @Test
    void worldReadablePublicKeyIsFine() {
        key("jwt.pub", TestKeys.publicPem(RSA_2048), "rw-r--r--");
        Result r = check("JWT_PUBLIC_KEY_PATH", "jwt.pub");
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(notes(r)).contains("2048-bit RSA public key");
    }

    @Test
    void publicKeyWherePrivateIsExpectedFails() {
        key("jwt.pub", TestKeys.publicPem(RSA_2048), "rw-------");
        Result r = check("JWT_PRIVATE_KEY_PATH", "jwt.pub");
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).contains("a 2048-bit RSA public key").contains("where a private key is expected");
    }

    @Test
    void encryptedPkcs8KeyWarnsThatItsSizeIsUnknown() {
        key("enc.pem", TestKeys.encryptedPkcs8(RSA_2048), "rw-------");
        Result r = check("JWT_PRIVATE_KEY_PATH", "enc.pem");
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.summary()).contains("encrypted").contains("passphrase");
    }

    @Test
    void openSshKeysAreJudgedEvenWhenEncrypted() {
        FileCheck.run(dir, "ssh-keygen", "-q", "-t", "rsa", "-b", "1024", "-N", "a passphrase", "-f", "weak_rsa");
        FileCheck.run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", "deploy_ed25519");
        Result r = FileCheck.of(new KeyFilesProbe(), env()).with("SSH_KEY_PATH", "weak_rsa")
                .with("DEPLOY_KEY_FILE", "deploy_ed25519").result();
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(EnvCheck.list(r, "failures")).singleElement().asString().startsWith("SSH_KEY_PATH")
                .contains("1024-bit RSA encrypted private key (OpenSSH)");
        assertThat(EnvCheck.list(r, "checked")).contains("DEPLOY_KEY_FILE");
    }

    @Test
    void googleServiceAccountJsonIsJudgedByItsPrivateKey() {
        String pem = TestKeys.pkcs8(TestKeys.rsa(1024)).replace("\n", "\\n");
        key("sa.json", "{\n  \"type\": \"service_account\",\n  \"private_key_id\": \"abc\",\n  \"private_key\": \""
                + pem + "\",\n  \"client_email\": \"app@project.iam.gserviceaccount.com\"\n}\n", "rw-------");
        Result r = check("GOOGLE_APPLICATION_CREDENTIALS", "sa.json");
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).contains("1024-bit RSA");
    }

    @Test
    void missingKeyFileFailsNamingTheResolvedPath() {
        // Not JWT_PRIVATE_KEY_PATH: the runner redacts the values of names that look secret, paths included.
        Result r = check("TLS_KEY_FILE", "keys/jwt.pem");
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).contains(dir.resolve("keys/jwt.pem").toString()).contains("does not exist");
    }

    @Test
    void templatePathsFail() {
        Result r = FileCheck.of(new KeyFilesProbe(), env()).with("JWT_PRIVATE_KEY_PATH", "/path/to/private.pem")
                .with("SSL_KEY_FILE", "/etc/ssl/private/YOUR_DOMAIN.key").result();
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(EnvCheck.list(r, "failures")).hasSize(2);
    }

    @Test
    void garbageWhereAKeyIsExpectedFails() {
        key("jwt.pem", "-----BEGIN PRIVATE KEY-----\nnot base64 at all!!\n-----END PRIVATE KEY-----\n", "rw-------");
        key("tls.key", "hello\n", "rw-------");
        Result r = FileCheck.of(new KeyFilesProbe(), env()).with("JWT_PRIVATE_KEY_PATH", "jwt.pem")
                .with("TLS_KEY", "tls.key").result();
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(EnvCheck.list(r, "failures")).anySatisfy(f -> assertThat(f.toString()).contains("not a well-formed key"))
                .anySatisfy(f -> assertThat(f.toString()).contains("no PEM block"));
    }

    @Test
    void tokenInAnApiKeyFileIsJudgedByItsModeAlone() {
        key("stripe", "sk_live_51Hx0123456789abcdefABCDEF\n", "r--------");
        Result r = check("STRIPE_API_KEY_FILE", "stripe");
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(notes(r)).contains("holds no PEM key");
        assertThat(r.summary()).doesNotContain("sk_live");
    }

    @Test
    void directoryFails() throws IOException {
        Files.createDirectory(dir.resolve("keys"));
        assertThat(check("JWT_PRIVATE_KEY_PATH", "keys").summary()).contains("a directory");
    }

    @Test
    void pipeFailsWithoutBlocking() {
        FileCheck.run(dir, "mkfifo", "jwt.pem");
        Result r = FileCheck.of(new KeyFilesProbe(), env()).with("JWT_PRIVATE_KEY_PATH", "jwt.pem")
                .timeout(Duration.ofSeconds(2)).result();
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).contains("not a regular file");
    }

    @Test
    void symlinkLoopFails() throws IOException {
        Files.createSymbolicLink(dir.resolve("a.pem"), dir.resolve("b.pem"));
        Files.createSymbolicLink(dir.resolve("b.pem"), dir.resolve("a.pem"));
        Result r = check("JWT_PRIVATE_KEY_PATH", "a.pem");
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).contains("loops");
    }

    @Test
    void hugeFileFailsWithoutBeingRead() throws IOException {
        Path big = dir.resolve("big.pem");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(1L << 30);
        }
        Files.setPosixFilePermissions(big, PosixFilePermissions.fromString("rw-------"));
        Result r = check("JWT_PRIVATE_KEY_PATH", "big.pem");
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).contains("larger than any key file");
    }

    @Test
    void inlineKeysAndUnrelatedVariablesAreSkipped() {
        Result r = FileCheck.of(new KeyFilesProbe(), env()).with("JWT_PRIVATE_KEY", "-----BEGIN PRIVATE KEY-----\nMII")
                .with("SSL_KEY", "-----BEGIN PRIVATE KEY-----\nMII").with("SECRET_KEY", "abc").result();
        assertThat(r.status()).isEqualTo(Status.SKIP);
    }

    @Test
    void addedNamesAreChecked() {
        Result r = dev.preflight.testkit.ProbeTestKit.forProbe(new KeyFilesProbe())
                .target(dev.preflight.probe.Target.builder(".env.production", dev.preflight.probe.TargetKind.ENV)
                        .variables(java.util.Map.of("SIGNER", dir.resolve("nope.pem").toString()))
                        .attribute("source", env().toString()).build())
                .setting("variable-name", "signer").run().result();
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).contains("does not exist");
    }
}
