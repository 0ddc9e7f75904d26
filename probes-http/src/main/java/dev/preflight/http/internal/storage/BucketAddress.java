package dev.preflight.http.internal.storage;

import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A bucket and the endpoint that serves it: Amazon S3 (virtual-hosted, or path-style for a name with
 * dots, which the wildcard certificate of {@code *.s3.<region>.amazonaws.com} does not cover) or an
 * S3-compatible endpoint (R2, Spaces, MinIO…), path-style unless a bucket URL gave the bucket's own
 * host. An endpoint may hold {@code {region}}, filled with the region, so that a redirect to the
 * bucket's region can be followed there too.
 *
 * @param bucket the bucket's name
 * @param region the region asked, or null for Amazon's global endpoint (us-east-1)
 * @param endpoint the S3-compatible endpoint ({@code scheme://host[:port][/prefix]}), or null for Amazon S3
 * @param bucketHost whether {@code endpoint} is the bucket's own host (virtual-hosted)
 */
public record BucketAddress(String bucket, String region, String endpoint, boolean bucketHost) {
    /** A region name as AWS and S3-compatible services write them; also what a redirect header must look like. */
    public static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,30}[a-z0-9]");
    /** ListObjectsV2, one key at most: https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html */
    static final String LIST_QUERY = "list-type=2&max-keys=1";

    /** @return the URL of the anonymous ListObjectsV2 request */
    public URI listUrl() {
        if (endpoint == null) {
            String s3 = region == null ? "s3.amazonaws.com" : "s3." + region + ".amazonaws.com";
            return bucket.contains(".") ? URI.create("https://" + s3 + "/" + bucket + "?" + LIST_QUERY)
                    : URI.create("https://" + bucket + "." + s3 + "/?" + LIST_QUERY);
        }
        String base = stripSlash(endpoint.replace("{region}", region == null ? "us-east-1" : region));
        return URI.create(bucketHost ? base + "/?" + LIST_QUERY : base + "/" + bucket + "?" + LIST_QUERY);
    }

    /**
     * @param other the region the service says the bucket lives in, already checked against {@link #REGION}
     * @return this bucket asked in that region, if the endpoint depends on the region
     */
    public Optional<BucketAddress> inRegion(String other) {
        if (endpoint != null && !endpoint.contains("{region}")) {
            return Optional.empty();
        }
        return Optional.of(new BucketAddress(bucket, other, endpoint, bucketHost));
    }

    /** @return the region the request goes to: an S3 endpoint without one is us-east-1 */
    public String regionAsked() {
        return region == null ? "us-east-1" : region;
    }

    /** @return e.g. {@code bucket acme-uploads (eu-west-1)} */
    public String describe() {
        return "bucket " + bucket + (region == null ? "" : " (" + region + ")");
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
