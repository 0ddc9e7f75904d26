package dev.preflight.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sample environment files as real projects ship them ({@code .env.example}, {@code .env.sample}),
 * with the template values of each ecosystem. A line ending in {@code #tpl} holds a template: the
 * test expects Preflight to say so, and never to pass it.
 */
final class EnvExampleCorpus {
    static final Map<String, String> FILES = new LinkedHashMap<>();

    private EnvExampleCorpus() {
    }

    private static void add(String name, String... lines) {
        FILES.put(name, String.join("\n", lines) + "\n");
    }

    static {
        add("django", "DEBUG=False", "SECRET_KEY=your-secret-key-here #tpl", "ALLOWED_HOSTS=your-domain.com,www.your-domain.com #tpl",
                "DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/NAME #tpl", "EMAIL_HOST_PASSWORD=your-email-password #tpl",
                "CSRF_TRUSTED_ORIGINS=https://your-domain.com #tpl");
        add("django-cookiecutter", "DJANGO_SECRET_KEY=CHANGEME!!! #tpl", "DJANGO_ADMIN_URL=admin/",
                "DJANGO_ALLOWED_HOSTS=.example.com #tpl", "REDIS_URL=redis://redis:6379/0", "SENTRY_DSN=");
        add("rails", "RAILS_ENV=production", "SECRET_KEY_BASE=GENERATE_WITH_BIN_RAILS_SECRET_AND_PASTE_HERE #tpl",
                "DATABASE_URL=postgresql://postgres:password@your-db-host:5432/myapp_production #tpl",
                "REDIS_URL=redis://:password@your-redis-host:6379 #tpl");
        add("laravel", "APP_NAME=Laravel", "APP_ENV=production", "APP_KEY= ", "APP_DEBUG=false",
                "APP_URL=https://yourplatform.com #tpl", "DB_CONNECTION=mysql", "DB_PASSWORD=YOUR_DB_PASSWORD #tpl",
                "REDIS_HOST=your-redis-host #tpl", "REDIS_PASSWORD=null", "REDIS_PORT=6379", "MAIL_PASSWORD=null #tpl",
                "MAIL_FROM_ADDRESS=\"hello@example.com\" #tpl", "MAIL_FROM_NAME=\"${APP_NAME}\"");
        add("nextjs-saas", "NEXT_PUBLIC_SITE_URL=https://your-domain.com #tpl", "NEXTAUTH_URL=https://your-domain.com #tpl",
                "NEXTAUTH_SECRET=GENERATE_A_RANDOM_SECRET_HERE #tpl", "GITHUB_CLIENT_SECRET=your_github_client_secret #tpl");
        add("express-api", "NODE_ENV=production", "PORT=3000", "JWT_SECRET=\"GENERATE_256_BIT_RANDOM_SECRET_HERE\" #tpl",
                "JWT_EXPIRES_IN=15m", "MONGODB_URI=mongodb+srv://<username>:<password>@cluster0.xxxxx.mongodb.net/db #tpl",
                "FRONTEND_URL=https://your-domain.com #tpl");
        add("fastapi", "ENVIRONMENT=production", "SECRET_KEY=changethis #tpl", "ALGORITHM=HS256",
                "ACCESS_TOKEN_EXPIRE_MINUTES=30", "FIRST_SUPERUSER_PASSWORD=changethis #tpl",
                "POSTGRES_URL=postgresql://user:password@host:port/dbname #tpl", "BACKEND_URL=https://api.example.com #tpl");
        add("spring-boot", "SPRING_PROFILES_ACTIVE=prod", "SPRING_DATASOURCE_PASSWORD=CHANGE_ME #tpl",
                "JWT_SECRET=REPLACE_WITH_BASE64_ENCODED_SECRET #tpl", "SPRING_DATA_REDIS_HOST=redis.example.com #tpl",
                "SPRING_DATA_REDIS_PASSWORD=your-redis-password #tpl");
        add("supabase", "NEXT_PUBLIC_SUPABASE_URL=https://your-project-ref.supabase.co #tpl",
                "NEXT_PUBLIC_SUPABASE_ANON_KEY=your-anon-key #tpl", "SUPABASE_SERVICE_ROLE_KEY=your-service-role-key #tpl",
                "JWT_SECRET=your-super-secret-jwt-token-with-at-least-32-characters-long #tpl");
        add("stripe-shop", "STRIPE_SECRET_KEY=sk_live_YOUR_LIVE_KEY #tpl", "STRIPE_PUBLISHABLE_KEY=pk_live_YOUR_KEY #tpl",
                "STRIPE_WEBHOOK_SECRET=whsec_YOUR_WEBHOOK_SECRET #tpl", "SITE_URL=https://shop.acme.io");
        add("stripe-next", "STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx #tpl",
                "NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY=pk_live_xxxxxxxxxxxxxxxxxxxxxxxx #tpl",
                "STRIPE_WEBHOOK_SECRET=whsec_xxxxxxxxxxxxxxxxxxxxxxxx #tpl");
        add("razorpay-shop", "RAZORPAY_KEY_ID=rzp_live_XXXXXXXXXX #tpl", "RAZORPAY_KEY_SECRET=XXXXXXXXXXXXXXXXXXXXXXXX #tpl",
                "RAZORPAY_WEBHOOK_SECRET=your_webhook_secret #tpl", "APP_URL=https://shop.acme.io");
        add("razorpay-node", "RAZORPAY_KEY_ID=rzp_live_YourKeyIdHere #tpl", "RAZORPAY_KEY_SECRET=YOUR_KEY_SECRET #tpl",
                "NODE_ENV=production");
        add("flask", "FLASK_DEBUG=0", "FLASK_SECRET_KEY=<generate-a-secret> #tpl",
                "SQLALCHEMY_DATABASE_URI=postgresql://user:pass@localhost/app #tpl", "MAIL_PASSWORD=your-app-password #tpl");
        add("nestjs", "NODE_ENV=production", "JWT_SECRET=secretKey #tpl", "JWT_REFRESH_SECRET=refreshSecretKey #tpl",
                "JWT_REFRESH_EXPIRES_IN=7d", "DATABASE_URL=postgresql://postgres:postgres@db.example.com:5432/nest #tpl");
        add("strapi", "APP_KEYS=toBeModified1,toBeModified2 #tpl", "API_TOKEN_SALT=tobemodified #tpl",
                "ADMIN_JWT_SECRET=tobemodified #tpl", "JWT_SECRET=tobemodified #tpl", "DATABASE_PASSWORD=strapi");
        add("ghost", "url=https://your-blog.com #tpl", "database__connection__password=your_database_password #tpl",
                "mail__options__auth__pass=YOUR_MAILGUN_PASSWORD #tpl");
        add("medusa", "STORE_CORS=https://your-storefront.com #tpl", "JWT_SECRET=supersecret #tpl",
                "COOKIE_SECRET=supersecret #tpl", "DATABASE_URL=postgres://user:password@your-db-host:5432/medusa #tpl");
        add("payload", "PAYLOAD_SECRET=YOUR_SECRET_HERE #tpl",
                "DATABASE_URI=mongodb://127.0.0.1/your-database-name #tpl", "NEXT_PUBLIC_SERVER_URL=https://yoursite.com #tpl");
        add("t3-stack", "DATABASE_URL=\"postgresql://postgres:password@localhost:5432/t3\" #tpl", "AUTH_SECRET=\"\"",
                "AUTH_DISCORD_SECRET=\"YOUR_DISCORD_CLIENT_SECRET\" #tpl");
        add("vite-react", "VITE_API_URL=https://api.your-domain.com #tpl", "VITE_GA_ID=G-XXXXXXXXXX #tpl",
                "VITE_SENTRY_DSN=https://examplePublicKey@o0.ingest.sentry.io/0 #tpl");
        add("nuxt", "NUXT_PUBLIC_API_BASE=https://<your-api>/api #tpl", "NUXT_SESSION_PASSWORD=password-with-at-least-32-characters #tpl");
        add("sveltekit", "PUBLIC_SITE_URL=https://your-site.example #tpl", "AUTH_SECRET=INSERT_RANDOM_STRING_HERE #tpl",
                "DATABASE_URL=postgres://root:mysecretpassword@localhost:5432/local #tpl");
        add("go-gin", "GIN_MODE=release", "JWT_SECRET=my_secret_key #tpl",
                "DB_DSN=host=your-db-host user=postgres password=postgres dbname=app #tpl");
        add("celery", "CELERY_BROKER_URL=redis://:your_redis_password@redis.example.com:6379/0 #tpl",
                "CELERY_RESULT_BACKEND=redis://:your_redis_password@redis.example.com:6379/1 #tpl");
        add("aws-s3", "AWS_ACCESS_KEY_ID=YOUR_AWS_KEY #tpl", "AWS_SECRET_ACCESS_KEY=YOUR_AWS_SECRET #tpl",
                "AWS_STORAGE_BUCKET_NAME=your-bucket-name", "AWS_S3_REGION=us-east-1", "S3_BUCKET=your-bucket-name #tpl");
        add("aws-docs", "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE #tpl", "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY #tpl",
                "AWS_SESSION_TOKEN=");
        add("sendgrid", "SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxx #tpl", "SMTP_HOST=smtp.sendgrid.net",
                "SMTP_USER=apikey", "SMTP_PASS=your-sendgrid-api-key #tpl", "EMAIL_FROM=noreply@yourdomain.com #tpl");
        add("mailgun", "MAILGUN_API_KEY=key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx #tpl", "MAILGUN_DOMAIN=mg.example.com #tpl",
                "DEFAULT_FROM_EMAIL=Shop <no-reply@example.com> #tpl");
        add("sentry-app", "SENTRY_DSN=https://xxxxxxxx@xxxxxx.ingest.sentry.io/xxxxxx #tpl", "SENTRY_ENVIRONMENT=production",
                "ROLLBAR_ACCESS_TOKEN=your_rollbar_token #tpl");
        add("auth0", "AUTH0_SECRET=use [openssl rand -hex 32] to generate a 32 bytes value #tpl",
                "AUTH0_BASE_URL=https://your-app.example.com #tpl", "AUTH0_ISSUER_BASE_URL=https://YOUR_DOMAIN.auth0.com #tpl",
                "AUTH0_CLIENT_SECRET=YOUR_CLIENT_SECRET #tpl");
        add("clerk", "NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_test_xxxxx #tpl", "CLERK_SECRET_KEY=sk_test_xxxxx #tpl");
        add("session-app", "SESSION_SECRET_KEY=CHANGE_ME_TO_RANDOM_STRING #tpl", "CSRF_SECRET_KEY=REPLACE_ME #tpl",
                "REFRESH_TOKEN_EXPIRE_DAYS=30");
        add("docker-compose-redis", "REDIS_HOST=your-redis-host #tpl", "REDIS_PORT=6379", "REDIS_PASSWORD=your-redis-password #tpl",
                "REDIS_TLS=true");
        add("jwt-hs", "JWT_SECRET=${JWT_SECRET} #tpl", "JWT_ALGORITHM=HS256", "ACCESS_TOKEN_EXPIRE_MINUTES=15");
    }
}
