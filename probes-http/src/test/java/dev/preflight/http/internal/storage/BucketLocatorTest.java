package dev.preflight.http.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Bucket URLs and settings as users write them, down to the one request each becomes. */
class BucketLocatorTest {

    private static String listUrl(String url, String... attributes) throws BucketProblem {
        Target.Builder b = Target.builder("b", TargetKind.STORAGE).uri(URI.create(url));
        for (int i = 0; i < attributes.length; i += 2) {
            b.attribute(attributes[i], attributes[i + 1]);
        }
        return BucketLocator.locate(b.build()).listUrl().toString();
    }

    @Test
    void anS3UrlIsAskedVirtualHostedAtAmazon() throws Exception {
        assertThat(listUrl("s3://acme-uploads")).isEqualTo("https://acme-uploads.s3.amazonaws.com/?list-type=2&max-keys=1");
        assertThat(listUrl("s3://acme-uploads", "region", "eu-west-1"))
                .isEqualTo("https://acme-uploads.s3.eu-west-1.amazonaws.com/?list-type=2&max-keys=1");
    }

    @Test
    void aBucketWithDotsIsAskedPathStyleSoTheCertificateMatches() throws Exception {
        assertThat(listUrl("s3://assets.acme.io", "region", "eu-west-1"))
                .isEqualTo("https://s3.eu-west-1.amazonaws.com/assets.acme.io?list-type=2&max-keys=1");
    }

    @Test
    void amazonBucketUrlsGiveBucketAndRegion() throws Exception {
        assertThat(listUrl("https://acme-uploads.s3.eu-central-1.amazonaws.com/some/key.png"))
                .isEqualTo("https://acme-uploads.s3.eu-central-1.amazonaws.com/?list-type=2&max-keys=1");
        assertThat(listUrl("https://acme-uploads.s3-us-west-2.amazonaws.com"))
                .isEqualTo("https://acme-uploads.s3.us-west-2.amazonaws.com/?list-type=2&max-keys=1");
        assertThat(listUrl("https://s3.ap-south-1.amazonaws.com/acme-uploads/img"))
                .isEqualTo("https://acme-uploads.s3.ap-south-1.amazonaws.com/?list-type=2&max-keys=1");
    }

    @Test
    void compatibleEndpointsAreAskedPathStyleOrAtTheBucketsHost() throws Exception {
        assertThat(listUrl("s3://acme-uploads", "endpoint", "https://4f2a.r2.cloudflarestorage.com", "region", "auto"))
                .isEqualTo("https://4f2a.r2.cloudflarestorage.com/acme-uploads?list-type=2&max-keys=1");
        assertThat(listUrl("https://minio.acme.io:9000/acme-uploads"))
                .isEqualTo("https://minio.acme.io:9000/acme-uploads?list-type=2&max-keys=1");
        assertThat(listUrl("https://acme-uploads.nyc3.digitaloceanspaces.com"))
                .isEqualTo("https://acme-uploads.nyc3.digitaloceanspaces.com/?list-type=2&max-keys=1");
        assertThat(listUrl("s3://acme-uploads", "endpoint", "https://{region}.digitaloceanspaces.com", "region", "fra1"))
                .isEqualTo("https://fra1.digitaloceanspaces.com/acme-uploads?list-type=2&max-keys=1");
    }

    @Test
    void anEndpointsUserInfoAndQueryAreDropped() throws Exception {
        assertThat(listUrl("s3://acme-uploads", "endpoint", "https://minio:s3cr3t-pass@minio.acme.io/?token=abc"))
                .isEqualTo("https://minio.acme.io/acme-uploads?list-type=2&max-keys=1");
    }

    @Test
    void aRegionChangeFollowsAmazonAndRegionTemplatesOnly() throws Exception {
        BucketAddress aws = new BucketAddress("acme-uploads", null, null, false);
        assertThat(aws.inRegion("eu-west-1").orElseThrow().listUrl().toString())
                .isEqualTo("https://acme-uploads.s3.eu-west-1.amazonaws.com/?list-type=2&max-keys=1");
        assertThat(new BucketAddress("acme-uploads", null, "http://minio:9000", false).inRegion("eu-west-1")).isEmpty();
    }

    @Test
    void templatesAndMalformedValuesAreProblems() {
        assertThatThrownBy(() -> listUrl("s3://your-bucket-name")).isInstanceOf(BucketProblem.class)
                .hasMessageContaining("template");
        assertThatThrownBy(() -> listUrl("https://s3.eu-west-1.amazonaws.com/")).hasMessageContaining("names no bucket");
        assertThatThrownBy(() -> listUrl("s3://192.168.10.4")).hasMessageContaining("not a valid bucket name");
        assertThatThrownBy(() -> listUrl("s3://acme-uploads", "endpoint", "https://s3.your-domain.com"))
                .hasMessageContaining("endpoint");
        assertThatThrownBy(() -> listUrl("s3://acme-uploads", "region", "eu west"))
                .hasMessageContaining("not a region name");
    }
}
