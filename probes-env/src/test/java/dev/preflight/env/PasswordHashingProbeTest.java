package dev.preflight.env;

import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.ProbeOutcome;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashingProbeTest {

    @TempDir
    Path dir;

    private static EnvCheck check() {
        return EnvCheck.of(new PasswordHashingProbe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "13", "31", "\"12\""})
    void bcryptCostOfTwelveOrMorePasses(String cost) {
        assertThat(check().with("BCRYPT_ROUNDS", cost).result()).isPass().hasSummaryContaining("BCRYPT_ROUNDS");
    }

    @Test
    void bcryptCostOfTenOrElevenWarns() {
        assertThat(check().with("SALT_ROUNDS", "10").result())
                .isWarn().hasSummary("SALT_ROUNDS is 10, below the cost of 12 that current hardware affords")
                .hasRemediationContaining("Set SALT_ROUNDS=12 in .env.production");
    }

    @Test
    void bcryptCostUnderTenFailsInProductionAndWarnsInStaging() {
        assertThat(check().with("BCRYPT_COST", "8").result())
                .isFail().hasSummary("BCRYPT_COST is 8, below OWASP's minimum bcrypt cost of 10 (2^8 rounds)");
        assertThat(check().stage("staging").with("BCRYPT_COST", "4").result())
                .isWarn().hasSummaryContaining("in staging");
    }

    @Test
    void elevenOutsideProductionIsANoteNotAWarning() {
        assertThat(check().stage("development").with("BCRYPT_ROUNDS", "11").result())
                .isPass().hasSummaryContaining("BCRYPT_ROUNDS is 11 in development");
    }

    @Test
    void bcryptCostAboveThirtyOneFailsEverywhere() {
        assertThat(check().stage("staging").with("BCRYPT_SALT_ROUNDS", "32").result())
                .isFail().hasSummaryContaining("above bcrypt's maximum of 31");
        assertThat(check().with("BCRYPT_ROUNDS", "9".repeat(5000)).result())
                .isFail().hasSummaryContaining("above bcrypt's maximum of 31");
    }

    @ParameterizedTest
    @ValueSource(strings = {"twelve", "12.5", "-12", "12 rounds", "0x0c"})
    void nonNumericCostFailsWithTheReason(String value) {
        Result result = check().stage("staging").with("BCRYPT_ROUNDS", value).result();

        assertThat(result).isFail().hasSummaryContaining("not a bcrypt cost (a whole number)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XXXX", "YOUR_BCRYPT_ROUNDS", "<rounds>", "${ROUNDS}"})
    void templateCostFailsAsATemplate(String value) {
        assertThat(check().with("BCRYPT_ROUNDS", value).result()).isFail().hasSummaryContaining("template");
    }

    @Test
    void emptyCostFails() {
        assertThat(check().with("BCRYPT_ROUNDS", "").result()).isFail().hasSummary("BCRYPT_ROUNDS is empty, not a bcrypt cost");
    }

    @Test
    void variableNameSettingAddsBcryptNames() {
        assertThat(check().setting("variable-name", "AUTH_*_COST").with("AUTH_HASH_COST", "6").result())
                .isFail().hasSubject("AUTH_HASH_COST");
    }

    @Test
    void argonAtOwaspMinimumPasses() {
        Result result = check().with("ARGON_MEMORY", "19456").with("ARGON_TIME", "2").with("ARGON_THREADS", "1").result();

        assertThat(result).isPass();
        assertThat(EnvCheck.list(result, "costs")).containsExactly("argon2: 19456 KiB with 2 passes, 1 threads");
    }

    @Test
    void argonBelowOwaspMinimumFailsNamingTheMemory() {
        assertThat(check().with("ARGON_MEMORY", "1024").with("ARGON_TIME", "2").result())
                .isFail().hasSubject("ARGON_MEMORY")
                .hasSummary("ARGON_MEMORY gives Argon2 1024 KiB with 2 passes, below OWASP's minimum (19456 KiB with 2 passes)")
                .hasRemediationContaining("46 MiB with 1 pass");
    }

    @Test
    void argonTradesMemoryForPassesAsOwaspDoes() {
        assertThat(check().with("ARGON_MEMORY", "7168").with("ARGON_TIME", "5").result()).isPass();
        assertThat(check().with("ARGON_MEMORY", "47104").with("ARGON_TIME", "1").result()).isPass();
        assertThat(check().with("ARGON_MEMORY", "19456").with("ARGON_TIME", "1").result()).isFail();
    }

    @Test
    void anUnsetArgonPartTakesLaravelsDefault() {
        assertThat(check().with("ARGON_MEMORY", "8192").result())
                .isFail().hasSummaryContaining("8192 KiB with 4 passes (the other at Laravel's default)");
        assertThat(check().with("ARGON_TIME", "1").result()).isPass();
    }

    @Test
    void malformedArgonValuesFail() {
        Result result = check().with("ARGON_MEMORY", "64M").with("ARGON_THREADS", "0").result();

        assertThat(result).isFail();
        assertThat(EnvCheck.list(result, "failures")).containsExactly(
                "ARGON_MEMORY: is '64M', not a memory size in KiB (a whole number)", "ARGON_THREADS: is 0, not a number of threads");
    }

    @Test
    void argonAboveFourGibWarns() {
        assertThat(check().with("ARGON2_MEMORY", "8388608").with("ARGON2_TIME", "3").result())
                .isWarn().hasSummaryContaining("more than 4 GiB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bcrypt", "argon", "argon2id", "Argon2id"})
    void laravelDriversPass(String driver) {
        assertThat(check().with("HASH_DRIVER", driver).result()).isPass();
    }

    @ParameterizedTest
    @ValueSource(strings = {"md5", "sha256", "plain", ""})
    void otherDriversFail(String driver) {
        assertThat(check().with("HASHING_DRIVER", driver).result())
                .isFail().hasSummaryContaining("not a password hashing driver (bcrypt, argon, argon2id)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"django.contrib.auth.hashers.MD5PasswordHasher,django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "[\"django.contrib.auth.hashers.UnsaltedSHA1PasswordHasher\"]", "django.contrib.auth.hashers.SHA1PasswordHasher",
        "django.contrib.auth.hashers.CryptPasswordHasher"})
    void weakFirstDjangoHasherFails(String hashers) {
        assertThat(check().with("PASSWORD_HASHERS", hashers).result())
                .isFail().hasSummaryContaining("a fast or unsalted hash")
                .hasRemediationContaining("Argon2PasswordHasher");
    }

    @ParameterizedTest
    @ValueSource(strings = {"django.contrib.auth.hashers.Argon2PasswordHasher,django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher", "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
        "django.contrib.auth.hashers.ScryptPasswordHasher"})
    void strongFirstDjangoHasherPasses(String hashers) {
        assertThat(check().with("PASSWORD_HASHERS", hashers).result()).isPass();
    }

    @Test
    void unknownOrEmptyDjangoHashers() {
        assertThat(check().with("PASSWORD_HASHERS", "acme.auth.FancyHasher").result())
                .isWarn().hasSummary("PASSWORD_HASHERS hashes new passwords with 'FancyHasher', which Preflight does not know");
        assertThat(check().with("DJANGO_PASSWORD_HASHERS", "[]").result()).isFail().hasSummaryContaining("lists no hasher");
    }

    @Test
    void weakDjangoHasherOnlyWarnsInTest() {
        assertThat(check().stage("test").with("PASSWORD_HASHERS", "django.contrib.auth.hashers.MD5PasswordHasher").result())
                .isWarn().hasSummaryContaining("in test");
    }

    @Test
    void noHashingSettingIsSkipped() {
        assertThat(check().with("SECRET_KEY", "x").result()).isSkip()
                .hasSummaryContaining("BCRYPT_ROUNDS").hasSummaryContaining("ARGON_MEMORY").hasSummaryContaining("PASSWORD_HASHERS");
    }

    @Test
    void aRealFileWithOddQuotingReportsEveryOffender() throws Exception {
        EnvFile file = EnvFile.write(dir, "# hashing", "BCRYPT_ROUNDS='8'", "SALT_ROUNDS=\"14\"  # Node",
                "ARGON_MEMORY=\"1024\"", "ARGON_TIME=1", "HASH_DRIVER=argon2id",
                "PASSWORD_HASHERS=django.contrib.auth.hashers.Argon2PasswordHasher,django.contrib.auth.hashers.MD5PasswordHasher");

        ProbeOutcome outcome = file.outcome("env.password-hashing");

        assertThat(outcome.status()).isEqualTo(Status.FAIL);
        assertThat(EnvFile.problems(outcome)).containsExactly(
                "BCRYPT_ROUNDS: is 8, below OWASP's minimum bcrypt cost of 10 (2^8 rounds)",
                "ARGON_MEMORY: gives Argon2 1024 KiB with 1 pass, below OWASP's minimum (47104 KiB with 1 pass)");
        assertThat(EnvCheck.list(outcome.result(), "checked")).isEqualTo(List.of("BCRYPT_ROUNDS", "SALT_ROUNDS",
                "ARGON_MEMORY", "ARGON_TIME", "HASH_DRIVER", "PASSWORD_HASHERS"));
    }
}
