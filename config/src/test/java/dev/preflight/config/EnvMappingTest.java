package dev.preflight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.preflight.ConfigException;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvMappingTest {
    @TempDir
    Path dir;

    private PreflightConfig load(String name, String text) {
        return Fixtures.loader(Map.of()).loadEnvFile(new Fixtures(dir).write(name, text));
    }

    private static Map<String, Target> byName(PreflightConfig config) {
        return config.targets().stream().collect(Collectors.toMap(Target::name, Function.identity()));
    }

    @Test
    void templateHostsYieldNoNetworkTarget() {
        // A sample file's hosts belong to somebody else (your-domain.com is a real domain) or to nobody.
        PreflightConfig config = load(".env.example", """
                FRONTEND_URL=https://your-domain.com
                BACKEND_URL=https://api.example.com
                DATABASE_URL=postgresql://user:password@your-db-host:5432/db
                REDIS_URL=redis://:password@your-redis-host:6379
                EMAIL_HOST=smtp.example.com
                DEFAULT_FROM_EMAIL=hello@example.com
                API_URL=https://api.shop.acme.io
                """);

        assertThat(config.targets()).extracting(Target::name).containsExactly(".env.example", "API_URL");
    }

    @Test
    void djangoEnvironmentYieldsSiteDatabaseCacheMailAndDomain() {
        PreflightConfig config = load(".env.production", """
                DEBUG=False
                SECRET_KEY=django-insecure-9f8e7d6c5b4a3f2e1d0c
                ALLOWED_HOSTS=shop.acme.io
                FRONTEND_URL=https://shop.acme.io
                DATABASE_URL=postgres://shop:Pg-Pa55-word@db.internal:5432/shop?sslmode=require
                REDIS_URL=redis://:Rd-Pa55-word@cache.internal:6379/0
                CELERY_BROKER_URL=redis://:Rd-Pa55-word@cache.internal:6379/1
                EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend
                EMAIL_HOST=smtp.acme.io
                EMAIL_PORT=465
                EMAIL_HOST_USER=no-reply@shop.acme.io
                EMAIL_HOST_PASSWORD=Sm-Pa55-word
                EMAIL_USE_SSL=True
                DEFAULT_FROM_EMAIL=Shop <no-reply@shop.acme.io>
                SENTRY_DSN=https://abc123@o1.ingest.sentry.io/42
                """);

        assertThat(config.targets()).extracting(Target::name).containsExactly(".env.production", "FRONTEND_URL",
                "DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "smtp", "shop.acme.io");
        assertThat(config.targets()).extracting(Target::kind).containsExactly(TargetKind.ENV, TargetKind.WEB,
                TargetKind.POSTGRES, TargetKind.REDIS, TargetKind.REDIS, TargetKind.SMTP, TargetKind.DOMAIN);
        Target smtp = byName(config).get("smtp");
        assertThat(smtp.uri().orElseThrow()).hasToString("smtps://smtp.acme.io:465");
        assertThat(smtp.attribute("username")).contains("no-reply@shop.acme.io");
        assertThat(smtp.attribute("from")).contains("Shop <no-reply@shop.acme.io>");
        assertThat(smtp.secret("password")).contains(Secret.of("Sm-Pa55-word"));
        assertThat(smtp.attribute("source")).contains(dir.resolve(".env.production") + ":9");
        assertThat(byName(config).get("shop.acme.io").attribute("domain")).contains("shop.acme.io");
        assertThat(byName(config).get("DATABASE_URL").location())
                .isEqualTo("postgres://shop:***@db.internal:5432/shop?…");
        assertThat(config.targets()).allSatisfy(t -> assertThat(t.attribute("environment")).contains("production"));
        assertThat(config.secrets()).contains("django-insecure-9f8e7d6c5b4a3f2e1d0c", "Pg-Pa55-word", "Rd-Pa55-word",
                "Sm-Pa55-word").doesNotContain("shop.acme.io", "False");
    }

    @Test
    void nextJsEnvironmentYieldsSiteDatabaseCacheMailAndStripe() {
        PreflightConfig config = load(".env", """
                NODE_ENV=production
                NEXT_PUBLIC_SITE_URL=https://shop.acme.io
                NEXTAUTH_URL=https://shop.acme.io/
                NEXTAUTH_SECRET=Nx-auth-secret-0123456789
                NEXT_PUBLIC_API_URL=https://api.acme.io
                DATABASE_URL="postgresql://app:Pg-Pa55-word@db.acme.io:5432/app?sslmode=verify-full"
                MONGODB_URL=mongodb://mongo.internal/app
                REDIS_URL=rediss://default:Rd-Pa55-word@cache.acme.io:6380
                SMTP_HOST=smtp.sendgrid.net
                SMTP_PORT=587
                SMTP_USER=apikey
                SMTP_PASSWORD=SG.smtp-password-value
                EMAIL_FROM=orders@shop.acme.io
                STRIPE_SECRET_KEY=sk_live_51AbCdEfGhIjKlMnOp
                NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=pk_live_51AbCdEfGhIjKlMnOp
                STRIPE_WEBHOOK_SECRET=whsec_0123456789abcdef
                STRIPE_WEBHOOK_URL=https://shop.acme.io/api/webhooks/stripe
                """);

        assertThat(config.targets()).extracting(Target::name).containsExactly(".env", "NEXT_PUBLIC_SITE_URL",
                "NEXT_PUBLIC_API_URL", "DATABASE_URL", "REDIS_URL", "smtp", "stripe", "shop.acme.io");
        Map<String, Target> targets = byName(config);
        assertThat(targets.get("smtp").uri().orElseThrow()).hasToString("smtp://smtp.sendgrid.net:587");
        assertThat(targets.get("smtp").attribute("username")).contains("apikey");
        assertThat(targets.get("smtp").attribute("from")).contains("orders@shop.acme.io");
        Target stripe = targets.get("stripe");
        assertThat(stripe.kind()).isEqualTo(TargetKind.STRIPE);
        assertThat(stripe.location()).isEqualTo("stripe account");
        assertThat(stripe.secrets()).containsOnlyKeys("secret-key", "publishable-key", "webhook-secret");
        assertThat(stripe.attribute("webhook-url")).contains("https://shop.acme.io/api/webhooks/stripe");
        assertThat(config.secrets()).contains("Nx-auth-secret-0123456789", "sk_live_51AbCdEfGhIjKlMnOp",
                "whsec_0123456789abcdef", "SG.smtp-password-value", "Rd-Pa55-word");
    }

    @Test
    void laravelEnvironmentYieldsSiteMailRazorpayAndDomain() {
        PreflightConfig config = load(".env", """
                APP_NAME=Shop
                APP_ENV=production
                APP_KEY=base64:c2hvcC1hcHAta2V5LXZhbHVlLTAxMjM0NTY3
                APP_DEBUG=false
                APP_URL=https://shop.acme.io
                DB_CONNECTION=mysql
                DB_HOST=127.0.0.1
                REDIS_HOST=127.0.0.1
                MAIL_MAILER=smtp
                MAIL_HOST=smtp.mailgun.org
                MAIL_PORT=587
                MAIL_USERNAME=postmaster@mg.shop.acme.io
                MAIL_PASSWORD=Mg-Pa55-word
                MAIL_ENCRYPTION=tls
                MAIL_FROM_ADDRESS="hello@shop.acme.io"
                MAIL_FROM_NAME="${APP_NAME}"
                RAZORPAY_KEY_ID=rzp_live_AbCdEfGhIj
                RAZORPAY_KEY_SECRET=Rz-key-secret-value
                RAZORPAY_WEBHOOK_SECRET=Rz-webhook-secret
                """);

        assertThat(config.targets()).extracting(Target::name)
                .containsExactly(".env", "APP_URL", "REDIS_HOST", "smtp", "razorpay", "shop.acme.io");
        Map<String, Target> targets = byName(config);
        assertThat(targets.get("smtp").uri().orElseThrow()).hasToString("smtp://smtp.mailgun.org:587");
        Target razorpay = targets.get("razorpay");
        assertThat(razorpay.attribute("key-id")).contains("rzp_live_AbCdEfGhIj");
        assertThat(razorpay.secrets()).containsOnlyKeys("key-secret", "webhook-secret");
        assertThat(razorpay.location()).isEqualTo("razorpay account");
        assertThat(config.secrets()).contains("base64:c2hvcC1hcHAta2V5LXZhbHVlLTAxMjM0NTY3", "Mg-Pa55-word",
                "Rz-key-secret-value").doesNotContain("rzp_live_AbCdEfGhIj");
    }

    @Test
    void redisGivenAsPartsYieldsARedisTargetWithItsPasswordAndTls() {
        PreflightConfig config = load(".env", """
                REDIS_HOST=cache.internal
                REDIS_PORT=6380
                REDIS_PASSWORD=Rd/Pa55 word
                REDIS_TLS=true
                """);
        PreflightConfig laravel = load(".env", "REDIS_HOST=127.0.0.1\nREDIS_PASSWORD=null\n");
        PreflightConfig both = load(".env", "REDIS_URL=rediss://:pw@cache.internal:6380\nREDIS_HOST=other.internal\n");

        Target redis = byName(config).get("REDIS_HOST");
        assertThat(redis.kind()).isEqualTo(TargetKind.REDIS);
        assertThat(redis.uri().orElseThrow().getScheme()).isEqualTo("rediss");
        assertThat(redis.uri().orElseThrow().getRawUserInfo()).isEqualTo(":Rd%2FPa55%20word");
        assertThat(config.secrets()).contains("Rd/Pa55 word");
        assertThat(byName(laravel).get("REDIS_HOST").uri().orElseThrow()).hasToString("redis://127.0.0.1:6379");
        assertThat(both.targets()).extracting(Target::name).containsExactly(".env", "REDIS_URL");
    }

    @Test
    void laravelMailerOtherThanSmtpYieldsNoSmtpTarget() {
        PreflightConfig config = load(".env", "MAIL_MAILER=log\nMAIL_HOST=127.0.0.1\nMAIL_USERNAME=null\n");

        assertThat(config.targets()).extracting(Target::kind).containsExactly(TargetKind.ENV);
    }

    @Test
    void laravelNullCredentialsAreUnsetAndSslEncryptionMeansSmtps() {
        Target smtp = byName(load(".env", "MAIL_HOST=smtp.acme.io\nMAIL_USERNAME=null\nMAIL_PASSWORD=null\n"
                + "MAIL_ENCRYPTION=ssl\n")).get("smtp");

        assertThat(smtp.uri().orElseThrow()).hasToString("smtps://smtp.acme.io:465");
        assertThat(smtp.attributes()).doesNotContainKey("username");
        assertThat(smtp.secrets()).isEmpty();
    }

    @Test
    void envTargetHoldsEveryVariableAndTheFirstSampleFound() {
        Fixtures files = new Fixtures(dir);
        files.write(".env.sample", "SECRET_KEY=from-sample\n");
        files.write(".env.example", "SECRET_KEY=changeme\n");
        Path env = files.write(".env", "SECRET_KEY=real-secret-value\nUNKNOWN_THING=1\n");

        Target target = Fixtures.loader(Map.of()).loadEnvFile(env).targets().get(0);

        assertThat(target.kind()).isEqualTo(TargetKind.ENV);
        assertThat(target.location()).isEqualTo(".env");
        assertThat(target.variables()).containsExactly(entry("SECRET_KEY", "real-secret-value"), entry("UNKNOWN_THING", "1"));
        assertThat(target.sampleVariables()).containsExactly(entry("SECRET_KEY", "changeme"));
    }

    @Test
    void sampleNamedAfterTheFileIsFoundToo() {
        Fixtures files = new Fixtures(dir);
        files.write("production.env.example", "DEBUG=true\n");
        Path env = files.write("production.env", "DEBUG=false\n");

        Target target = Fixtures.loader(Map.of()).loadEnvFile(env).targets().get(0);

        assertThat(target.sampleVariables()).containsEntry("DEBUG", "true");
        assertThat(target.attribute("source")).contains(env.toString());
    }

    @Test
    void urlsOfOtherSchemesOrThatDoNotParseAreIgnored() {
        PreflightConfig config = load(".env", """
                FRONTEND_URL=localhost:3000
                APP_URL=https://exa mple.com
                DATABASE_URL=mysql://db.internal/shop
                REDIS_URL=postgresql://db.internal/shop
                CACHE_URL=rediss://cache.internal:6380
                """);

        assertThat(config.targets()).extracting(Target::name).containsExactly(".env", "CACHE_URL");
    }

    @Test
    void repeatedUrlsBecomeOneTarget() {
        PreflightConfig config = load(".env", """
                FRONTEND_URL=https://shop.acme.io
                APP_URL=https://shop.acme.io/
                SITE_URL=https://www.acme.io
                """);

        assertThat(config.targets()).extracting(Target::name).containsExactly(".env", "FRONTEND_URL", "SITE_URL");
    }

    @Test
    void smtpPortDefaultsFollowTheSslFlag() {
        assertThat(byName(load(".env", "SMTP_HOST=smtp.acme.io\n")).get("smtp").uri().orElseThrow())
                .hasToString("smtp://smtp.acme.io:587");
        assertThat(byName(load(".env", "EMAIL_HOST=smtp.acme.io\nEMAIL_USE_SSL=1\n")).get("smtp").uri().orElseThrow())
                .hasToString("smtps://smtp.acme.io:465");
    }

    @Test
    void djangoConsoleBackendYieldsNoSmtpTarget() {
        PreflightConfig config = load(".env", "EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend\n"
                + "EMAIL_HOST=localhost\n");

        assertThat(config.targets()).extracting(Target::kind).containsExactly(TargetKind.ENV);
    }

    @Test
    void badSmtpPortIsAConfigProblemAtItsLine() {
        Path env = new Fixtures(dir).write(".env", "SMTP_HOST=smtp.acme.io\nSMTP_PORT=submission\n");

        ConfigException e = Fixtures.expectProblem(() -> Fixtures.loader(Map.of()).loadEnvFile(env));

        assertThat(e.file()).contains(env.toString());
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.key()).contains("SMTP_PORT");
        assertThat(e.problem()).contains("'submission' is not a port number");
    }

    @Test
    void fromAddressWithoutDomainYieldsNoDomainTarget() {
        assertThat(load(".env", "DEFAULT_FROM_EMAIL=webmaster\nSMTP_FROM=Ops <ops@ops.acme.io>\n").targets())
                .extracting(Target::name).containsExactly(".env", "ops.acme.io");
    }

    @Test
    void dkimSelectorOfTheFileBecomesTheDomainTargetsSelectorSetting() {
        PreflightConfig config = load(".env", """
                MAIL_FROM_ADDRESS=no-reply@shop.acme.io
                MAIL_DKIM_SELECTOR=mailjet
                """);

        assertThat(byName(config).get("shop.acme.io").settings()).containsEntry("dns.dkim.selectors", "mailjet");
        assertThat(byName(config).get(".env").settings()).doesNotContainKey("dns.dkim.selectors");
    }

    @Test
    void smtpTargetCarriesTheFromAddressAndSelectorForSenderAlignment() {
        PreflightConfig config = load(".env", """
                MAIL_MAILER=smtp
                MAIL_HOST=in-v3.mailjet.com
                MAIL_FROM_ADDRESS=no-reply@shop.acme.io
                MAIL_DKIM_SELECTOR=mailjet
                """);

        Target smtp = byName(config).get("smtp");
        assertThat(smtp.attribute("from")).contains("no-reply@shop.acme.io");
        assertThat(smtp.attribute("dkim-selectors")).contains("mailjet");
    }

    @Test
    void domainTargetWithoutSelectorVariableLeavesDiscoveryToTheProbe() {
        assertThat(byName(load(".env", "EMAIL_FROM=ops@ops.acme.io\n")).get("ops.acme.io").settings()).isEmpty();
    }

    @Test
    void dkimSelectorThatIsNoDnsLabelIsAConfigProblemAtItsLine() {
        Path env = new Fixtures(dir).write(".env", "EMAIL_FROM=ops@ops.acme.io\nDKIM_SELECTOR=s1._domainkey!\n");

        ConfigException e = Fixtures.expectProblem(() -> Fixtures.loader(Map.of()).loadEnvFile(env));

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.key()).contains("DKIM_SELECTOR");
        assertThat(e.problem()).contains("is not a DKIM selector");
    }

    @Test
    void secretsHoldSecretNamedValuesAndUrlPasswordsOnly() {
        PreflightConfig config = load(".env", """
                JWT_SECRET=jwt-secret-value
                GITHUB_TOKEN=ghp_token_value
                SENTRY_DSN=https://public@o1.ingest.sentry.io/1
                BROKER=amqp://user:amqp-password@mq.internal
                JWT_EXPIRY_MINUTES=15
                APP_NAME=Shop
                """);

        assertThat(config.secrets()).containsExactlyInAnyOrder("jwt-secret-value", "ghp_token_value",
                "https://public@o1.ingest.sentry.io/1", "amqp-password",
                "user:amqp-password");
    }

    @Test
    void emptyEnvFileYieldsOnlyItsEnvTarget() {
        assertThat(load(".env", "").targets()).extracting(Target::kind).isEqualTo(List.of(TargetKind.ENV));
    }
}
