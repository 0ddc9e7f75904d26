package dev.preflight.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretStrengthProbeTest {
    private static final String HEX_256 = "3f9c1a7e5b2d48c6a0e9f7b1d3c5a8e2f4b6d8a0c2e4f6a8b0d2f4c6e8a0b2d4";
    private static final String DJANGO_STYLE = "k#3j$4h5g6(f7d8s9a0p1o2i3u4y5t6r7e8w9q0-z!x@c%v^b&n*m";

    private static EnvCheck check() {
        return EnvCheck.of(new SecretStrengthProbe());
    }

    @Test
    void longRandomSecretsPass() {
        Result result = check().with("JWT_SECRET", HEX_256).with("SECRET_KEY", DJANGO_STYLE).result();

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.summary()).contains("JWT_SECRET", "SECRET_KEY");
    }

    @Test
    void shortSecretFailsWithMeasuredLengthAndBits() {
        Result result = check().with("SECRET_KEY", "s3cr3t-K3y").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).startsWith("SECRET_KEY is 10 characters with about ")
                .endsWith("bits of entropy; needs at least 32 characters and 128 bits");
        assertThat(result.details()).containsEntry("length", 10).containsEntry("minLength", 32)
                .containsEntry("minEntropyBits", 128).containsKey("entropyBits");
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r)
                .startsWith("Generate a new SECRET_KEY from a secure random source").contains(".env.production"));
    }

    @Test
    void longButRepetitiveSecretFails() {
        Result repeatedCharacter = check().with("SESSION_SECRET", "a".repeat(64)).result();
        Result repeatedPattern = check().with("SESSION_SECRET", "Ab1!".repeat(16)).result();

        assertThat(repeatedCharacter.status()).isEqualTo(Status.FAIL);
        assertThat(repeatedCharacter.details()).containsEntry("entropyBits", 0);
        assertThat(repeatedPattern.status()).isEqualTo(Status.FAIL);
        assertThat((Integer) repeatedPattern.details().get("entropyBits")).isLessThan(30);
    }

    @Test
    void laravelBase64KeyIsMeasuredInDecodedBytes() {
        byte[] random = new byte[32];
        new java.util.Random(7).nextBytes(random);
        byte[] half = java.util.Arrays.copyOf(random, 16);

        Result strong = check().with("APP_KEY", "base64:" + Base64.getEncoder().encodeToString(random)).result();
        Result weak = check().with("APP_KEY", "base64:" + Base64.getEncoder().encodeToString(half)).result();

        assertThat(strong.status()).isEqualTo(Status.PASS);
        assertThat(weak.status()).isEqualTo(Status.FAIL);
        assertThat(weak.summary()).startsWith("APP_KEY is 16 bytes").contains("needs at least 32 bytes");
    }

    @Test
    void appKeyWithBrokenBase64Fails() {
        Result result = check().with("APP_KEY", "base64:not*base64!").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("APP_KEY has a base64: prefix but is not valid base64");
    }

    @Test
    void anySigningKeyIsChecked() {
        Result result = check().with("WEBHOOK_SIGNING_KEY", "short").result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.subject()).hasValue("WEBHOOK_SIGNING_KEY");
    }

    @Test
    void everyWeakSecretIsListed() {
        Result result = check().with("SECRET_KEY", "changeme").with("JWT_SECRET", HEX_256).with("NEXTAUTH_SECRET", "")
                .result();

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(EnvCheck.list(result, "failures")).hasSize(2);
        assertThat(EnvCheck.list(result, "measured")).hasSize(3);
        assertThat(result.remediation()).hasValueSatisfying(r -> assertThat(r).contains("SECRET_KEY, NEXTAUTH_SECRET"));
    }

    @Test
    void minimumsComeFromSettings() {
        String twentyRandom = "q8Vx2LmW9tZr4KpN7sYb";

        assertThat(check().with("AUTH_SECRET", twentyRandom).result().status()).isEqualTo(Status.FAIL);
        assertThat(check().with("AUTH_SECRET", twentyRandom).setting("min-length", "16")
                .setting("min-entropy-bits", "64").result().status()).isEqualTo(Status.PASS);
    }

    @Test
    void noSigningSecretIsSkipped() {
        Result result = check().with("DB_PASSWORD", "x").result();

        assertThat(result.status()).isEqualTo(Status.SKIP);
        assertThat(result.summary()).contains("SECRET_KEY", "APP_KEY", "*_SIGNING_KEY");
    }
}
