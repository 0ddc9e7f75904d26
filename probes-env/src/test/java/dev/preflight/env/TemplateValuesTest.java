package dev.preflight.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.preflight.ProbeOutcome;
import dev.preflight.probe.Status;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10: template values that passed. Each case is a real file, read by the real loader; a
 * template must FAIL or WARN as a template, and real values must still pass.
 */
class TemplateValuesTest {
    private static final String HEX_64 = "3f9c1a7e5b2d48c6a0e9f7b1d3c5a8e2f4b6d8a0c2e4f6a8b0d2f4c6e8a0b2d4";
    private static final String SK_LIVE = "sk_live_51Hq8ZxAbCdEfGhIjKlMnOpQr";
    private static final String PK_LIVE = "pk_live_51Hq8ZxAbCdEfGhIjKlMnOpQr";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"GENERATE_256_BIT_RANDOM_SECRET_HERE", "\"GENERATE_256_BIT_RANDOM_SECRET_HERE\"",
        "YOUR_JWT_SECRET_KEY_FOR_SIGNING_TOKENS", "PUT_A_LONG_RANDOM_STRING_HERE_PLEASE_NOW",
        "CHANGE_ME_TO_A_LONG_RANDOM_SECRET_VALUE", "REPLACE_WITH_A_SECURE_RANDOM_SECRET_KEY",
        "INSERT_YOUR_SECRET_KEY_OF_32_CHARACTERS", "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
        "super-secret-jwt-key-change-in-production", "yourSuperLongAndRandomJwtSigningSecret123"})
    void aLongTemplateIsNeverJudgedStrong(String template) {
        EnvFile file = EnvFile.write(dir, "JWT_SECRET=" + template);

        ProbeOutcome strength = file.outcome("env.secret-strength");
        ProbeOutcome secrets = file.outcome("env.secrets");

        assertThat(strength.status()).isEqualTo(Status.FAIL);
        assertThat(strength.result().summary()).startsWith("JWT_SECRET ").containsPattern("template|placeholder")
                .doesNotContain("bits;");
        assertThat(secrets.status()).isEqualTo(Status.FAIL);
        assertThat(secrets.result().summary()).containsPattern("template|placeholder");
    }

    @Test
    void aRandomSecretStillPassesBothSecretProbes() {
        EnvFile file = EnvFile.write(dir, "JWT_SECRET=" + HEX_64, "SESSION_SECRET_KEY=" + HEX_64);

        assertThat(file.outcome("env.secret-strength").status()).isEqualTo(Status.PASS);
        assertThat(file.outcome("env.secrets").status()).isEqualTo(Status.PASS);
        assertThat(file.outcome("env.templates").status()).isEqualTo(Status.PASS);
    }

    @Test
    void templatesWithARealPrefixAreNotLiveKeys() {
        EnvFile file = EnvFile.write(dir, "STRIPE_SECRET_KEY=sk_live_YOUR_LIVE_KEY", "STRIPE_PUBLISHABLE_KEY=pk_live_YOUR_KEY",
                "STRIPE_WEBHOOK_SECRET=whsec_YOUR_WEBHOOK_SECRET", "RAZORPAY_KEY_ID=rzp_live_XXXXXXXXXX");

        ProbeOutcome live = file.outcome("env.payment-live-keys");
        ProbeOutcome pairing = file.outcome("env.payment-key-pairing");
        ProbeOutcome secrets = file.outcome("env.secrets");

        assertThat(live.status()).isEqualTo(Status.FAIL);
        assertThat(EnvFile.problems(live)).hasSize(3).allSatisfy(p -> assertThat(p).contains("is a template"));
        assertThat(pairing.status()).isEqualTo(Status.SKIP);
        assertThat(pairing.result().summary()).contains("is a template");
        assertThat(secrets.status()).isEqualTo(Status.FAIL);
        assertThat(EnvFile.problems(secrets)).anySatisfy(p -> assertThat(p).startsWith("STRIPE_WEBHOOK_SECRET: ")
                .contains("template"));
    }

    @Test
    void wholeLiveKeysStillPass() {
        EnvFile file = EnvFile.write(dir, "STRIPE_SECRET_KEY=" + SK_LIVE, "STRIPE_PUBLISHABLE_KEY=" + PK_LIVE,
                "RAZORPAY_KEY_ID=rzp_live_1DP5mmOlF5G5ag");

        assertThat(file.outcome("env.payment-live-keys").status()).isEqualTo(Status.PASS);
        assertThat(file.outcome("env.payment-key-pairing").status()).isEqualTo(Status.PASS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql://prod_user:STRONG_PASSWORD@your-db-host:5432/db?sslmode=verify-full",
        "postgresql://user:password@host:port/dbname", "postgresql://app:Qv8s2LmW9xTz4RkP@db.example.com/app?sslmode=verify-full",
        "postgres://<user>:<password>@<host>:5432/<db>?sslmode=verify-full",
        "postgresql://app:Qv8s2LmW9xTz4RkP@${DB_HOST}:5432/app?sslmode=verify-full",
        "postgresql://app:Qv8s2LmW9xTz4RkP@xxxx.rds.amazonaws.com/app?sslmode=verify-full",
        "postgresql://app:your_password@db.acme.io/app?sslmode=verify-full"})
    void templateDatabaseUrlsFailAsTemplates(String url) {
        ProbeOutcome tls = EnvFile.write(dir, "DATABASE_URL=" + url).outcome("env.database-tls");

        assertThat(tls.status()).isEqualTo(Status.FAIL);
        assertThat(tls.result().summary()).startsWith("DATABASE_URL is a template").doesNotContain("Qv8s", "STRONG");
    }

    @Test
    void aUrlPasswordIsASecretLikeAnyOther() {
        EnvFile file = EnvFile.write(dir, "DATABASE_URL=postgresql://app:STRONG_PASSWORD@db.acme.io/app",
                "CELERY_BROKER_URL=amqp://guest:guest@mq.acme.io:5672//", "REDIS_URL=redis://:password@cache.acme.io:6379");

        ProbeOutcome secrets = file.outcome("env.secrets");

        assertThat(secrets.status()).isEqualTo(Status.FAIL);
        assertThat(EnvFile.problems(secrets)).extracting(p -> p.substring(0, p.indexOf(':')))
                .containsExactly("DATABASE_URL", "CELERY_BROKER_URL", "REDIS_URL");
    }

    @Test
    void templateRedisUrlFailsAsATemplate() {
        ProbeOutcome redis = EnvFile.write(dir, "REDIS_URL=rediss://:password@your-redis-host:6379").outcome("env.redis-auth");

        assertThat(redis.status()).isEqualTo(Status.FAIL);
        assertThat(redis.result().summary()).contains("REDIS_URL is a template");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://your-domain.com", "https://yourplatform.com", "https://app.example.com",
        "https://shop.example", "https://api.invalid", "https://my-app.test", "https://<your-app>.vercel.app",
        "https://your-app.herokuapp.com"})
    void templatePublicUrlsFail(String url) {
        ProbeOutcome https = EnvFile.write(dir, "FRONTEND_URL=" + url).outcome("env.https-urls");

        assertThat(https.status()).isEqualTo(Status.FAIL);
        assertThat(https.result().summary()).startsWith("FRONTEND_URL is a template");
    }

    @Test
    void aRealPublicUrlStillPasses() {
        EnvFile file = EnvFile.write(dir, "FRONTEND_URL=https://shop.acme.io", "ALLOWED_HOSTS=shop.acme.io",
                "CORS_ALLOWED_ORIGINS=https://shop.acme.io");

        assertThat(file.outcome("env.https-urls").status()).isEqualTo(Status.PASS);
        assertThat(file.outcome("env.allowed-hosts").status()).isEqualTo(Status.PASS);
        assertThat(file.outcome("env.cors-origins").status()).isEqualTo(Status.PASS);
    }

    @Test
    void templateHostsInHostListsFail() {
        EnvFile file = EnvFile.write(dir, "ALLOWED_HOSTS=your-domain.com,.example.com",
                "CORS_ALLOWED_ORIGINS=https://your-frontend.com");

        assertThat(file.outcome("env.allowed-hosts").status()).isEqualTo(Status.FAIL);
        assertThat(file.outcome("env.cors-origins").result().summary()).contains("template");
    }

    @Test
    void commonSecretNamesAreJudged() {
        EnvFile file = EnvFile.write(dir, "SESSION_SECRET_KEY=short-but-real-9f8e", "CSRF_SECRET_KEY=" + HEX_64,
                "AWS_ACCESS_KEY_ID=YOUR_AWS_KEY", "SMTP_PASS=your-smtp-password");

        ProbeOutcome strength = file.outcome("env.secret-strength");
        ProbeOutcome secrets = file.outcome("env.secrets");

        assertThat(strength.status()).isEqualTo(Status.FAIL);
        assertThat(EnvFile.problems(strength)).singleElement().asString().startsWith("SESSION_SECRET_KEY: is 19 characters");
        assertThat(EnvCheck.list(strength.result(), "checked")).contains("CSRF_SECRET_KEY");
        assertThat(EnvFile.problems(secrets)).extracting(p -> p.substring(0, p.indexOf(':')))
                .containsExactly("AWS_ACCESS_KEY_ID", "SMTP_PASS");
    }

    @Test
    void usersAddSecretNamesThroughSettings() throws Exception {
        java.nio.file.Files.writeString(dir.resolve(".env.production"), "LEGACY_SIGNER=changeme\nORDERS_CRED=TODO\n");
        Path yaml = java.nio.file.Files.writeString(dir.resolve("preflight.yml"), String.join("\n",
                "targets:", "  app:", "    env-file: " + dir.resolve(".env.production"), "    settings:",
                "      env.secrets.variable-name: LEGACY_SIGNER,*_CRED", "      env.secret-strength.variable-name: LEGACY_SIGNER",
                ""));

        var report = dev.preflight.Preflight.builder().config(yaml).environment(java.util.Map.of())
                .probes("env.secrets", "env.secret-strength").build().run();

        assertThat(report.outcomes()).allSatisfy(o -> assertThat(o.status()).as(o.probeId()).isEqualTo(Status.FAIL));
        assertThat(report.outcomes()).anySatisfy(o -> assertThat(o.result().summary()).contains("LEGACY_SIGNER", "ORDERS_CRED"));
    }

    @Test
    void redisGivenAsPartsIsJudged() {
        ProbeOutcome none = EnvFile.write(dir, "REDIS_HOST=cache.acme.io", "REDIS_PORT=6379", "REDIS_PASSWORD=null")
                .outcome("env.redis-auth");
        ProbeOutcome plain = EnvFile.write(dir, "REDIS_HOST=cache.acme.io", "REDIS_PASSWORD=Zt5nQ8wLx2Vr7KpM9",
                "REDIS_TLS=false").outcome("env.redis-auth");
        ProbeOutcome good = EnvFile.write(dir, "REDIS_HOST=cache.acme.io", "REDIS_PASSWORD=Zt5nQ8wLx2Vr7KpM9",
                "REDIS_TLS=true").outcome("env.redis-auth");
        ProbeOutcome local = EnvFile.write(dir, "REDIS_HOST=127.0.0.1", "REDIS_PASSWORD=null").outcome("env.redis-auth");

        assertThat(none.status()).isEqualTo(Status.FAIL);
        assertThat(none.result().summary()).contains("REDIS_PASSWORD is not set").contains("without TLS");
        assertThat(plain.status()).isEqualTo(Status.FAIL);
        assertThat(plain.result().summary()).isEqualTo("REDIS_HOST is reached without TLS (REDIS_TLS is off), so data"
                + " and the password travel unencrypted");
        assertThat(good.status()).isEqualTo(Status.PASS);
        assertThat(local.status()).isEqualTo(Status.PASS);
    }

    @Test
    void anHmacAlgorithmAsksForAKeyAsLongAsItsHash() {
        String forty = HEX_64.substring(0, 40);
        ProbeOutcome hs512 = EnvFile.write(dir, "JWT_SECRET=" + forty, "JWT_ALGORITHM=HS512").outcome("env.secret-strength");
        ProbeOutcome fastApi = EnvFile.write(dir, "JWT_KEY=9f8e7d6c5b4a3f2e1d0c", "ALGORITHM=HS256")
                .outcome("env.secret-strength");
        ProbeOutcome unsigned = EnvFile.write(dir, "JWT_SECRET=" + HEX_64, "JWT_ALGORITHM=none").outcome("env.secret-strength");
        ProbeOutcome fine = EnvFile.write(dir, "SECRET_KEY=" + HEX_64, "ALGORITHM=HS256").outcome("env.secret-strength");

        assertThat(hs512.status()).isEqualTo(Status.FAIL);
        assertThat(hs512.result().summary()).isEqualTo("JWT_SECRET is 40 bytes, shorter than the 64 bytes HS512 needs"
                + " (RFC 7518 §3.2; JWT_ALGORITHM=HS512)");
        assertThat(fastApi.status()).isEqualTo(Status.FAIL);
        assertThat(unsigned.status()).isEqualTo(Status.FAIL);
        assertThat(unsigned.result().summary()).contains("JWT_ALGORITHM is none");
        assertThat(fine.status()).isEqualTo(Status.PASS);
    }

    @Test
    void refreshTokenLifetimesAreJudged() {
        ProbeOutcome year = EnvFile.write(dir, "ACCESS_TOKEN_EXPIRE_MINUTES=15", "REFRESH_TOKEN_EXPIRE_DAYS=365")
                .outcome("env.token-lifetime");

        assertThat(year.status()).isEqualTo(Status.FAIL);
        assertThat(year.result().summary()).isEqualTo("REFRESH_TOKEN_EXPIRE_DAYS lets refresh tokens live 365d, more than 90d");
    }

    @Test
    void everyTemplateValueIsFlaggedWhateverItsName() {
        ProbeOutcome templates = EnvFile.write(dir, "AWS_S3_BUCKET=your-bucket-name", "MAIL_FROM_ADDRESS=hello@example.com",
                "SUPABASE_URL=https://your-project.supabase.co", "MAILGUN_DOMAIN=mg.yourdomain.com", "APP_NAME=\"My App\"",
                "MAIL_FROM_NAME=\"${APP_NAME}\"", "GA_MEASUREMENT_ID=G-XXXXXXXXXX", "NODE_ENV=production")
                .outcome("env.templates");

        assertThat(templates.status()).isEqualTo(Status.FAIL);
        assertThat(EnvFile.problems(templates)).extracting(p -> p.substring(0, p.indexOf(':')))
                .containsExactly("AWS_S3_BUCKET", "MAIL_FROM_ADDRESS", "SUPABASE_URL", "MAILGUN_DOMAIN", "GA_MEASUREMENT_ID");
    }
}
