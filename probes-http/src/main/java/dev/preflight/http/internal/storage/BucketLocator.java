package dev.preflight.http.internal.storage;

import dev.preflight.probe.Target;
import dev.preflight.support.Stage;
import dev.preflight.support.TemplateHosts;
import dev.preflight.support.Templates;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a storage target as a {@link BucketAddress}: an {@code s3://bucket} URL or the attribute
 * {@code bucket}, with the attributes {@code region} and {@code endpoint}; or a bucket URL, whose
 * form says where the bucket is: {@code https://bucket.s3.region.amazonaws.com},
 * {@code https://s3.region.amazonaws.com/bucket}, {@code https://endpoint/bucket} (path-style, as R2
 * and MinIO are used) or {@code https://bucket.endpoint} (virtual-hosted, as Spaces is). User
 * information in a URL is never used.
 */
public final class BucketLocator {
    /** S3 bucket naming rules: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_LIKE = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
    private static final Pattern AWS_VIRTUAL = Pattern.compile("(.+)\\.s3(?:[.-]([a-z0-9-]+))?\\.amazonaws\\.com");
    private static final Pattern AWS_PATH = Pattern.compile("s3(?:[.-]([a-z0-9-]+))?\\.amazonaws\\.com");
    private static final String NAME_IT = "Set the bucket the application really uses: an s3://bucket URL, the"
            + " attribute bucket, or the variable (AWS_S3_BUCKET, S3_BUCKET, AWS_STORAGE_BUCKET_NAME…) it comes"
            + " from.";

    private BucketLocator() {
    }

    /**
     * @param target a storage target
     * @return where to ask
     * @throws BucketProblem when the target names no bucket, a template, or a malformed one
     */
    public static BucketAddress locate(Target target) throws BucketProblem {
        Stage stage = Stage.of(target);
        String region = target.attribute("region").map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        String endpoint = target.attribute("endpoint").map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (region != null && !BucketAddress.REGION.matcher(region).matches()) {
            throw new BucketProblem("region '" + region + "' is not a region name", "Set region to the bucket's"
                    + " region as the provider writes it, e.g. eu-west-1.");
        }
        if (endpoint != null) {
            endpoint = checkedEndpoint(endpoint, stage);
        }
        URI uri = target.uri().orElse(null);
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || scheme.equals("http")) {
            return fromBucketUrl(uri, region, stage);
        }
        String bucket = scheme.equals("s3") ? Optional.ofNullable(uri.getAuthority()).orElse("")
                : target.attribute("bucket").orElse("");
        return new BucketAddress(checkedBucket(bucket.strip()), aws(region, endpoint), endpoint, false);
    }

    /** R2's "auto" and the like name no Amazon region: Amazon's global endpoint answers then. */
    private static String aws(String region, String endpoint) {
        return endpoint == null && region != null && !region.matches("[a-z]{2}(-[a-z]+)+-\\d+") ? null : region;
    }

    private static BucketAddress fromBucketUrl(URI uri, String region, Stage stage) throws BucketProblem {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String firstSegment = Optional.ofNullable(uri.getPath()).map(p -> p.replaceFirst("^/+", ""))
                .map(p -> p.contains("/") ? p.substring(0, p.indexOf('/')) : p).orElse("");
        Matcher virtual = AWS_VIRTUAL.matcher(host);
        if (virtual.matches()) {
            return new BucketAddress(checkedBucket(virtual.group(1)), regionOf(virtual.group(2), region), null, false);
        }
        Matcher path = AWS_PATH.matcher(host);
        if (path.matches()) {
            if (firstSegment.isEmpty()) {
                throw new BucketProblem(uri.getScheme() + "://" + host + "/ names no bucket", NAME_IT);
            }
            return new BucketAddress(checkedBucket(firstSegment), regionOf(path.group(1), region), null, false);
        }
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + host
                + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        checkedEndpoint(origin, stage);
        if (!firstSegment.isEmpty()) {
            return new BucketAddress(checkedBucket(firstSegment), region, origin, false);
        }
        String label = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
        return new BucketAddress(checkedBucket(label), region, origin, true);
    }

    /** "s3-external-1" and "dualstack" are endpoint variants, not regions. */
    private static String regionOf(String fromHost, String configured) {
        if (fromHost != null && fromHost.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
            return fromHost;
        }
        return configured;
    }

    private static String checkedBucket(String bucket) throws BucketProblem {
        if (bucket.isEmpty()) {
            throw new BucketProblem("the target names no bucket", NAME_IT);
        }
        Optional<String> template = Templates.reason(bucket);
        if (template.isPresent()) {
            return fail("bucket name '" + bucket + "' is a template (" + template.get() + ")");
        }
        if (!BUCKET.matcher(bucket).matches() || IP_LIKE.matcher(bucket).matches() || bucket.contains("..")) {
            return fail("'" + bucket + "' is not a valid bucket name (3 to 63 lower-case letters, digits, dots and"
                    + " hyphens, starting and ending with a letter or digit)");
        }
        return bucket;
    }

    private static String fail(String summary) throws BucketProblem {
        throw new BucketProblem(summary, NAME_IT);
    }

    private static String checkedEndpoint(String endpoint, Stage stage) throws BucketProblem {
        URI uri;
        try {
            uri = URI.create(endpoint.replace("{region}", "us-east-1"));
        } catch (IllegalArgumentException e) {
            throw new BucketProblem("endpoint is not a URL", "Set endpoint to the service's URL, e.g."
                    + " https://<account>.r2.cloudflarestorage.com or http://minio:9000.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new BucketProblem("endpoint is not an http:// or https:// URL with a host", "Set endpoint to the"
                    + " service's URL, e.g. https://<account>.r2.cloudflarestorage.com or http://minio:9000.");
        }
        Optional<String> template = TemplateHosts.reason(uri.getHost(), stage);
        if (template.isPresent()) {
            throw new BucketProblem("endpoint " + template.get(), "Set endpoint to the storage service the"
                    + " application really uses.");
        }
        // Without user information or query: the endpoint is only ever a base for the request.
        return scheme + "://" + endpoint.substring(endpoint.indexOf("://") + 3).replaceFirst("^[^/@]*@", "")
                .replaceFirst("[?#].*$", "");
    }
}
