package dev.preflight.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Storage targets derived from the bucket variables of S3 libraries, and declared with kind: storage. */
class EnvStorageTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq9Lm3Tp2w";

    @TempDir
    Path dir;

    private List<Target> buckets(String text) {
        PreflightConfig config = Fixtures.loader(Map.of()).loadEnvFile(new Fixtures(dir).write(".env.production", text));
        return config.targets().stream().filter(t -> t.kind().equals(TargetKind.STORAGE)).toList();
    }

    @Test
    void djangoStoragesBucketWithItsRegionAndNoCredential() {
        List<Target> buckets = buckets("""
                AWS_ACCESS_KEY_ID=AKIAZ3MHQ7PL4XRTN2VB
                AWS_SECRET_ACCESS_KEY=%s
                AWS_STORAGE_BUCKET_NAME=acme-media
                AWS_S3_REGION_NAME=eu-west-1
                """.formatted(SECRET));

        assertThat(buckets).hasSize(1);
        Target media = buckets.get(0);
        assertThat(media.name()).isEqualTo("AWS_STORAGE_BUCKET_NAME");
        assertThat(media.location()).isEqualTo("s3://acme-media");
        assertThat(media.attributes()).contains(entry("bucket", "acme-media"), entry("region", "eu-west-1"),
                entry("source", dir.resolve(".env.production") + ":3"));
        assertThat(media.secrets()).isEmpty();
        assertThat(media.attributes().values()).noneMatch(v -> v.contains(SECRET) || v.contains("AKIAZ3MHQ7PL4XRTN2VB"));
    }

    @Test
    void laravelBucketOnAnS3CompatibleEndpoint() {
        Target bucket = buckets("""
                AWS_BUCKET=acme-files
                AWS_DEFAULT_REGION=us-east-1
                AWS_ENDPOINT=http://minio.internal:9000
                AWS_USE_PATH_STYLE_ENDPOINT=true
                """).get(0);

        assertThat(bucket.name()).isEqualTo("AWS_BUCKET");
        assertThat(bucket.attributes()).contains(entry("bucket", "acme-files"), entry("region", "us-east-1"),
                entry("endpoint", "http://minio.internal:9000"));
    }

    @Test
    void theMostSpecificRegionAndEndpointVariablesWin() {
        Target bucket = buckets("""
                S3_BUCKET=acme-uploads
                AWS_REGION=us-east-1
                AWS_S3_REGION_NAME=eu-central-1
                AWS_ENDPOINT_URL=https://s3.amazonaws.com
                AWS_ENDPOINT_URL_S3=https://4f2a.r2.cloudflarestorage.com
                """).get(0);

        assertThat(bucket.attributes()).contains(entry("region", "eu-central-1"),
                entry("endpoint", "https://4f2a.r2.cloudflarestorage.com"));
    }

    @Test
    void oneTargetPerDistinctBucket() {
        List<Target> buckets = buckets("""
                AWS_S3_BUCKET=acme-uploads
                S3_BUCKET=acme-uploads
                AWS_STORAGE_BUCKET_NAME=acme-static
                """);

        assertThat(buckets).extracting(Target::name).containsExactly("AWS_S3_BUCKET", "AWS_STORAGE_BUCKET_NAME");
    }

    @Test
    void aBucketUrlBecomesTheTargetsUrl() {
        Target bucket = buckets("S3_BUCKET=https://acme-uploads.s3.eu-west-1.amazonaws.com\n").get(0);

        assertThat(bucket.uri()).hasValueSatisfying(u -> assertThat(u.getHost())
                .isEqualTo("acme-uploads.s3.eu-west-1.amazonaws.com"));
        assertThat(buckets("AWS_S3_BUCKET=s3://acme-uploads\n").get(0).uri())
                .hasValueSatisfying(u -> assertThat(u.getAuthority()).isEqualTo("acme-uploads"));
    }

    @Test
    void anS3UrlWhoseLegacyNameIsNoHostKeepsTheName() {
        Target bucket = buckets("AWS_S3_BUCKET=s3://Legacy_Uploads\n").get(0);

        assertThat(bucket.location()).isEqualTo("s3://Legacy_Uploads");
        assertThat(bucket.attribute("bucket")).contains("Legacy_Uploads");
    }

    @Test
    void aTemplateBucketStaysATargetSoItsProbeFailsIt() {
        assertThat(buckets("AWS_S3_BUCKET=your-bucket-name\n")).extracting(Target::location)
                .containsExactly("s3://your-bucket-name");
    }

    @Test
    void aGenericBucketNameCountsOnlyBesideAnS3Variable() {
        assertThat(buckets("BUCKET_NAME=acme-exports\n")).isEmpty();
        assertThat(buckets("BUCKET_NAME=acme-exports\nS3_REGION=eu-west-2\n")).extracting(Target::name)
                .containsExactly("BUCKET_NAME");
    }

    @Test
    void noBucketVariableNoStorageTarget() {
        assertThat(buckets("AWS_REGION=eu-west-1\nAWS_SECRET_ACCESS_KEY=" + SECRET + "\n")).isEmpty();
    }

    @Test
    void aYamlStorageTargetIsDeclaredWithKind() {
        PreflightConfig config = new Fixtures(dir).loadYaml("""
                targets:
                  uploads:
                    kind: storage
                    url: s3://acme-uploads
                    attributes: { region: eu-west-1 }
                """, Map.of());
        Target uploads = config.targets().get(0);

        assertThat(uploads.kind()).isEqualTo(TargetKind.STORAGE);
        assertThat(uploads.uri().orElseThrow().getAuthority()).isEqualTo("acme-uploads");
        assertThat(uploads.attribute("region")).contains("eu-west-1");
    }
}
