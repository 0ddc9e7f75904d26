package dev.preflight.config.internal;

import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The object storage buckets an environment file names, as the common libraries read them: a bucket
 * name (or an {@code s3://} or {@code https://} bucket URL) in {@code AWS_S3_BUCKET}, {@code S3_BUCKET},
 * {@code AWS_STORAGE_BUCKET_NAME} (django-storages), {@code AWS_BUCKET} (Laravel),
 * {@code S3_BUCKET_NAME} or {@code AWS_S3_BUCKET_NAME}, and {@code BUCKET_NAME} only beside an S3
 * region or endpoint variable; the region from {@code AWS_S3_REGION_NAME}, {@code AWS_S3_REGION},
 * {@code S3_REGION}, {@code AWS_REGION} or {@code AWS_DEFAULT_REGION}; the endpoint of an
 * S3-compatible service from {@code AWS_ENDPOINT_URL_S3}, {@code AWS_S3_ENDPOINT_URL},
 * {@code S3_ENDPOINT}, {@code AWS_ENDPOINT} or {@code AWS_ENDPOINT_URL}. The first set of each list
 * wins. A template bucket name still makes a target, which {@code storage.public-listing} fails
 * without a request. Credentials ({@code AWS_SECRET_ACCESS_KEY}) are never put on the target.
 */
final class EnvStorage {
    private static final List<String> BUCKETS = List.of("AWS_S3_BUCKET", "S3_BUCKET", "AWS_STORAGE_BUCKET_NAME",
            "AWS_BUCKET", "S3_BUCKET_NAME", "AWS_S3_BUCKET_NAME");
    private static final String GENERIC_BUCKET = "BUCKET_NAME";
    private static final String[] REGIONS = {"AWS_S3_REGION_NAME", "AWS_S3_REGION", "S3_REGION", "AWS_REGION",
        "AWS_DEFAULT_REGION"};
    private static final String[] ENDPOINTS = {"AWS_ENDPOINT_URL_S3", "AWS_S3_ENDPOINT_URL", "S3_ENDPOINT",
        "AWS_ENDPOINT", "AWS_ENDPOINT_URL"};

    private EnvStorage() {
    }

    /** @return one storage target per distinct bucket, named after the variable that names it first */
    static List<Target.Builder> buckets(Dotenv env) {
        Optional<String> region = env.firstSet(REGIONS).flatMap(env::value);
        Optional<String> endpoint = env.firstSet(ENDPOINTS).flatMap(env::value);
        List<String> names = new ArrayList<>(BUCKETS);
        if (region.isPresent() || endpoint.isPresent()) {
            names.add(GENERIC_BUCKET);
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Target.Builder> found = new ArrayList<>();
        for (String name : names) {
            Optional<String> value = env.value(name);
            if (value.isEmpty() || !seen.add(value.get())) {
                continue;
            }
            Target.Builder target = bucket(name, value.get()).attribute(EnvTargets.SOURCE, env.source(name));
            region.ifPresent(r -> target.attribute("region", r));
            endpoint.ifPresent(e -> target.attribute("endpoint", e));
            found.add(target);
        }
        return found;
    }

    private static Target.Builder bucket(String name, String value) {
        String scheme = value.contains("://") ? value.substring(0, value.indexOf("://")).toLowerCase(Locale.ROOT) : "";
        if (scheme.equals("s3") || scheme.equals("https") || scheme.equals("http")) {
            Optional<URI> uri = Urls.tryParse(value);
            if (uri.isPresent()) {
                return Target.builder(name, TargetKind.STORAGE).uri(uri.get());
            }
        }
        // A bare name, or an s3:// URL whose legacy name (capitals, '_') is no URL host.
        String bucket = scheme.equals("s3") ? value.substring("s3://".length()) : value;
        return Target.builder(name, TargetKind.STORAGE).attribute("bucket", bucket).location("s3://" + bucket);
    }
}
