package dev.preflight.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevelopmentCopyProbeTest {
    private static final String DEV_SECRET = "d3v-only-9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    private static final String PROD_SECRET = "pr0d-7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f";

    @TempDir
    Path dir;

    private Path write(String name, String... lines) {
        return FileCheck.write(dir.resolve(name), String.join("\n", lines) + "\n", "rw-------");
    }

    private Result check(Path file) {
        return FileCheck.loaded(new DevelopmentCopyProbe(), file).result();
    }

    @Test
    void byteForByteCopyOfTheDevelopmentFileFails() {
        write(".env", "SECRET_KEY=" + DEV_SECRET, "DEBUG=true");
        Result r = check(write(".env.production", "SECRET_KEY=" + DEV_SECRET, "DEBUG=true"));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).contains("copy of .env").doesNotContain(DEV_SECRET);
        assertThat(r.remediation()).isPresent();
    }

    @Test
    void linkToTheDevelopmentFileFails() throws Exception {
        Path dev = write(".env.development", "SECRET_KEY=" + DEV_SECRET);
        Path link = Files.createSymbolicLink(dir.resolve(".env.production"), dev);
        Result r = check(link);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).contains("same file as .env.development");
    }

    @Test
    void secretSharedWithDevelopmentFailsNamingItWithoutItsValue() {
        write(".env", "SECRET_KEY=" + DEV_SECRET, "STRIPE_SECRET_KEY=sk_test_abc", "APP_NAME=shop");
        Result r = check(write(".env.production", "APP_NAME=shop", "DEBUG=false", "SECRET_KEY=" + DEV_SECRET,
                "STRIPE_SECRET_KEY=sk_live_other"));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).contains("SECRET_KEY has the same value as in .env").doesNotContain(DEV_SECRET);
        assertThat(EnvCheck.list(r, "failures")).containsExactly("SECRET_KEY: has the same value as in .env");
        assertThat(r.remediation()).hasValueSatisfying(fix -> assertThat(fix).contains("openssl rand"));
    }

    @Test
    void quotingDoesNotHideASharedSecret() {
        write(".env.local", "JWT_SECRET='" + DEV_SECRET + "'");
        assertThat(check(write(".env.production", "JWT_SECRET=\"" + DEV_SECRET + "\"")).status())
                .isEqualTo(Status.FAIL);
    }

    @Test
    void sharedUrlPasswordFailsEvenOnAnotherHost() {
        write(".env", "DATABASE_URL=postgresql://app:" + DEV_SECRET + "@localhost/app");
        Result r = check(write(".env.production", "DATABASE_URL=postgresql://app:" + DEV_SECRET
                + "@db.internal.acme-store.io/app?sslmode=verify-full"));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).contains("DATABASE_URL has the same URL password").doesNotContain(DEV_SECRET);
    }

    @Test
    void rotatedSecretsWithEqualSettingsPass() {
        write(".env", "SECRET_KEY=" + DEV_SECRET, "APP_NAME=shop", "TOKEN_EXPIRE_MINUTES=15",
                "DATABASE_URL=postgresql://app:" + DEV_SECRET + "@localhost/app");
        Result r = check(write(".env.production", "SECRET_KEY=" + PROD_SECRET, "APP_NAME=shop",
                "TOKEN_EXPIRE_MINUTES=15", "DATABASE_URL=postgresql://app:" + PROD_SECRET + "@db/app"));
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.summary()).contains(".env").contains("2 secrets compared");
    }

    @Test
    void emptySecretsInBothAreNotCalledShared() {
        write(".env", "SECRET_KEY=");
        assertThat(check(write(".env.production", "SECRET_KEY=", "DEBUG=false")).status()).isEqualTo(Status.PASS);
    }

    @Test
    void everyDevelopmentFileIsCompared() {
        write(".env", "SECRET_KEY=" + DEV_SECRET);
        write(".env.development", "API_TOKEN=" + PROD_SECRET);
        Result r = check(write(".env.production", "SECRET_KEY=" + PROD_SECRET + "x", "API_TOKEN=" + PROD_SECRET));
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(EnvCheck.list(r, "failures")).containsExactly("API_TOKEN: has the same value as in .env.development");
        assertThat(EnvCheck.list(r, "compared")).containsExactly(".env", ".env.development");
    }

    @Test
    void theFileIsNeverComparedWithItself() {
        write(".env.local", "OTHER=1");
        Result r = check(write(".env", "SECRET_KEY=" + PROD_SECRET));
        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(EnvCheck.list(r, "compared")).containsExactly(".env.local");
    }

    @Test
    void sampleFileAloneIsNotADevelopmentFile() {
        write(".env.example", "SECRET_KEY=" + DEV_SECRET);
        Result r = check(write(".env.production", "SECRET_KEY=" + DEV_SECRET));
        assertThat(r.status()).isEqualTo(Status.SKIP);
        assertThat(r.summary()).contains("no development file");
    }

    @Test
    void pipeNamedLikeADevelopmentFileWarnsWithoutBlocking() {
        FileCheck.run(dir, "mkfifo", ".env");
        Path file = write(".env.production", "SECRET_KEY=" + PROD_SECRET);
        Result r = FileCheck.loaded(new DevelopmentCopyProbe(), file).timeout(Duration.ofSeconds(2)).result();
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.summary()).contains(".env is not a regular file");
    }

    @Test
    void unreadableDevelopmentFileWarnsRatherThanPasses() throws Exception {
        Files.write(dir.resolve(".env"), new byte[] {'A', '=', (byte) 0xC3, (byte) 0x28, '\n'});
        Result r = check(write(".env.production", "SECRET_KEY=" + PROD_SECRET));
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.summary()).contains("cannot be read").contains("UTF-8");
    }

    @Test
    void developmentStageIsSkipped() {
        write(".env", "SECRET_KEY=" + DEV_SECRET);
        Path file = write(".env.staging", "SECRET_KEY=" + DEV_SECRET);
        Result r = FileCheck.loaded(new DevelopmentCopyProbe(), file).stage("dev").result();
        assertThat(r.status()).isEqualTo(Status.SKIP);
    }

    @Test
    void addedSecretNamesAreCompared() {
        write(".env", "LEGACY_SIGNER=" + DEV_SECRET);
        Path file = write(".env.production", "LEGACY_SIGNER=" + DEV_SECRET);
        write(".env.production", "LEGACY_SIGNER=" + DEV_SECRET, "# another line");
        Result plain = check(file);
        assertThat(plain.status()).isEqualTo(Status.PASS);
        Result named = dev.preflight.testkit.ProbeTestKit.forProbe(new DevelopmentCopyProbe())
                .target(dev.preflight.probe.Target.builder(".env.production", dev.preflight.probe.TargetKind.ENV)
                        .variables(java.util.Map.of("LEGACY_SIGNER", DEV_SECRET)).attribute("source", file.toString())
                        .build())
                .setting("variable-name", "legacy_*").run().result();
        assertThat(named.status()).isEqualTo(Status.FAIL);
    }
}
