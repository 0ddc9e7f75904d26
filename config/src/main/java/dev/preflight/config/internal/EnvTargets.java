package dev.preflight.config.internal;

import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.Stage;
import dev.preflight.support.TemplateHosts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Derives targets from an environment file's variables, so that {@code --env .env.production}
 * alone checks the site, database, cache, mail server and payment accounts the application uses.
 * Each target carries the attribute {@code source}, the {@code <file>:<line>} that created it.
 * Unknown variables are ignored, and so are URLs that do not parse: the {@code env.*} probes report
 * those.
 */
final class EnvTargets {
    static final String SOURCE = "source";
    static final String ENVIRONMENT = "environment";

    private static final List<String> WEB = List.of("FRONTEND_URL", "BACKEND_URL", "APP_URL", "SITE_URL",
            "BASE_URL", "PUBLIC_URL", "API_URL", "NEXT_PUBLIC_SITE_URL", "NEXT_PUBLIC_API_URL", "NEXTAUTH_URL");
    private static final List<String> POSTGRES = List.of("DATABASE_URL", "POSTGRES_URL", "POSTGRESQL_URL");
    private static final List<String> REDIS = List.of("REDIS_URL", "REDIS_TLS_URL", "CACHE_URL", "CELERY_BROKER_URL");
    private static final List<String> SAMPLES = List.of(".env.example", ".env.sample", ".env.dist", ".env.template");

    private EnvTargets() {
    }

    /**
     * @param path the environment file
     * @param env its variables
     * @param environment the deployment stage every derived target is tagged with
     * @param secrets receives secret values and URL passwords
     * @return the ENV target first, then web, PostgreSQL, Redis (from a URL, else from
     *     {@code REDIS_HOST} and its siblings), SMTP, Stripe, Razorpay, domain and storage targets;
     *     duplicates are not removed here
     */
    static List<Target> derive(Path path, Dotenv env, String environment, SecretCollector secrets) {
        List<Target.Builder> found = new ArrayList<>();
        found.add(envTarget(path.getFileName().toString(), path, env, secrets));
        urls(env, WEB, TargetKind.WEB, found);
        urls(env, POSTGRES, TargetKind.POSTGRES, found);
        int before = found.size();
        urls(env, REDIS, TargetKind.REDIS, found);
        if (found.size() == before) {
            EnvRedis.fromParts(env).ifPresent(found::add);
        }
        EnvMail.smtp(env).ifPresent(found::add);
        EnvPayments.stripe(env).ifPresent(found::add);
        EnvPayments.razorpay(env).ifPresent(found::add);
        EnvMail.domain(env).ifPresent(found::add);
        found.addAll(EnvStorage.buckets(env));
        Stage stage = new Stage(Stage.normalise(environment));
        return found.stream().map(b -> b.attribute(ENVIRONMENT, environment).build())
                .filter(t -> !onTemplateHost(t, stage)).toList();
    }

    /**
     * A URL or domain on a template host ({@code https://your-domain.com}, {@code smtp.example.com}) is
     * not made a target: env.* fails the value itself, and a network probe would check a host that
     * belongs to somebody else, or to nobody.
     */
    private static boolean onTemplateHost(Target target, Stage stage) {
        // A template bucket is kept: storage.public-listing fails it without sending anything.
        if (target.kind().equals(TargetKind.ENV) || target.kind().equals(TargetKind.STORAGE)) {
            return false;
        }
        String host = target.uri().map(java.net.URI::getHost).orElse(target.attributes().get("domain"));
        return host != null && TemplateHosts.reason(host, stage).isPresent();
    }

    /**
     * The ENV target of a file: all its variables, and those of the sample file beside it, if any.
     * Its secrets go to the collector.
     */
    static Target.Builder envTarget(String name, Path path, Dotenv env, SecretCollector secrets) {
        secrets.addVariables(env.variables());
        Map<String, String> sample = sampleOf(path).map(Dotenv::variables).orElse(Map.of());
        return Target.builder(name, TargetKind.ENV).location(path.getFileName().toString())
                .variables(env.variables()).sampleVariables(sample).attribute(SOURCE, env.file());
    }

    private static Optional<Dotenv> sampleOf(Path file) {
        String fileName = file.getFileName().toString();
        List<String> candidates = new ArrayList<>(SAMPLES);
        candidates.add(fileName + ".example");
        for (String candidate : candidates) {
            Path sibling = file.resolveSibling(candidate);
            if (!candidate.equals(fileName) && Files.isRegularFile(sibling)) {
                return Optional.of(Dotenv.parse(sibling));
            }
        }
        return Optional.empty();
    }

    private static void urls(Dotenv env, List<String> names, TargetKind kind, List<Target.Builder> into) {
        for (String name : names) {
            env.value(name).flatMap(Urls::tryParse).filter(uri -> Urls.kindOf(uri).filter(kind::equals).isPresent())
                    .map(uri -> Target.builder(name, kind).uri(uri).attribute(SOURCE, env.source(name)))
                    .ifPresent(into::add);
        }
    }
}
