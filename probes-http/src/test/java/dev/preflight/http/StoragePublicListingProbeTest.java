package dev.preflight.http;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.preflight.testkit.PreflightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.preflight.probe.HostOverride;
import dev.preflight.probe.NetworkSettings;
import dev.preflight.probe.Result;
import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.probe.TargetKind;
import dev.preflight.testkit.ProbeTestKit;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code storage.public-listing} against WireMock standing in for an S3 endpoint, answering the
 * documented bodies: https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html and
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html.
 */
class StoragePublicListingProbeTest {
    private static final String LIST = "/acme-uploads?list-type=2&max-keys=1";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq9Lm3Tp2w";

    @RegisterExtension
    static final WireMockExtension S3 = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private static ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/xml")
                .withHeader("x-amz-request-id", "4442587FB7D0A2F9").withBody(body);
    }

    private static String error(String code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message><RequestId>4442587FB7D0A2F9</RequestId><HostId>Uuag1LuByRx9e6j5Onimru9p</HostId></Error>";
    }

    private static final String LISTING = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>acme-uploads</Name>"
            + "<Prefix></Prefix><KeyCount>1</KeyCount><MaxKeys>1</MaxKeys><IsTruncated>true</IsTruncated>"
            + "<Contents><Key>invoices/2026-11.pdf</Key><Size>48213</Size><StorageClass>STANDARD</StorageClass>"
            + "</Contents><NextContinuationToken>1ueGcxLPRx1Tr</NextContinuationToken></ListBucketResult>";

    private static Target bucket(String url) {
        return Target.builder("uploads", TargetKind.STORAGE).uri(URI.create(url))
                .attribute("endpoint", S3.baseUrl()).secret("secret-access-key", Secret.of(SECRET_KEY)).build();
    }

    private static Result check(Target target) {
        return ProbeTestKit.forProbe(new StoragePublicListingProbe()).target(target).run().result();
    }

    @Test
    void aRefusedListingPassesAndNoCredentialIsSent() {
        S3.stubFor(get(urlEqualTo(LIST)).willReturn(xml(403, error("AccessDenied", "Access Denied"))));

        assertThat(check(bucket("s3://acme-uploads"))).isPass()
                .hasSummary("an anonymous listing of bucket acme-uploads is refused (403 AccessDenied)")
                .hasDetail("request", S3.baseUrl() + "/acme-uploads?…").containsNoText(SECRET_KEY);
        S3.verify(1, getRequestedFor(urlEqualTo(LIST)).withHeader("Authorization", absent())
                .withHeader("x-amz-content-sha256", absent()));
    }

    @Test
    void aBucketWhosePublicAccessIsDisabledPasses() {
        S3.stubFor(get(urlEqualTo(LIST)).willReturn(xml(403, error("AllAccessDisabled",
                "All access to this object has been disabled"))));

        assertThat(check(bucket("s3://acme-uploads"))).isPass().hasSummaryContaining("403 AllAccessDisabled");
    }

    @Test
    void aListableBucketFailsWithTheFix() {
        S3.stubFor(get(urlEqualTo(LIST)).willReturn(xml(200, LISTING)));

        assertThat(check(bucket("s3://acme-uploads"))).isFail()
                .hasSummaryContaining("anyone can list bucket acme-uploads")
                .hasRemediationContaining("Block Public Access").hasDetail("key-count", "1")
                .containsNoText("invoices/2026-11.pdf");
    }

    @Test
    void aMissingBucketFailsAsATakeoverRisk() {
        S3.stubFor(get(urlEqualTo(LIST)).willReturn(xml(404, error("NoSuchBucket",
                "The specified bucket does not exist"))));

        assertThat(check(bucket("s3://acme-uploads"))).isFail().hasSummaryContaining("does not exist")
                .hasSummaryContaining("bucket takeover").hasRemediationContaining("Create the bucket");
    }

    @Test
    void aPermanentRedirectIsFollowedOnceToTheBucketsRegion() {
        String global = "s3.us-east-1.stand-in.internal";
        String ireland = "s3.eu-west-1.stand-in.internal";
        S3.stubFor(get(urlEqualTo(LIST)).withHost(equalTo(global)).willReturn(xml(301,
                error("PermanentRedirect", "The bucket you are attempting to access must be addressed using the"
                        + " specified endpoint.").replace("</Error>", "<Endpoint>acme-uploads.s3.eu-west-1"
                        + ".amazonaws.com</Endpoint></Error>")).withHeader("x-amz-bucket-region", "eu-west-1")));
        S3.stubFor(get(urlEqualTo(LIST)).withHost(equalTo(ireland))
                .willReturn(xml(403, error("AccessDenied", "Access Denied")).withHeader("x-amz-bucket-region", "eu-west-1")));
        Target target = Target.builder("uploads", TargetKind.STORAGE)
                .uri(URI.create("s3://acme-uploads"))
                .attribute("endpoint", "http://s3.{region}.stand-in.internal:" + S3.getPort()).build();
        NetworkSettings network = NetworkSettings.builder()
                .hostOverride(HostOverride.parse(global + ":*:127.0.0.1"))
                .hostOverride(HostOverride.parse(ireland + ":*:127.0.0.1")).build();

        Result result = ProbeTestKit.forProbe(new StoragePublicListingProbe()).target(target).network(network).run()
                .result();

        assertThat(result).isPass().hasSummaryContaining("bucket acme-uploads (eu-west-1)")
                .hasDetail("region", "eu-west-1");
        S3.verify(2, getRequestedFor(urlEqualTo(LIST)));
    }

    @Test
    void aRedirectAFixedEndpointCannotFollowIsAnError() {
        S3.stubFor(get(urlEqualTo(LIST)).willReturn(xml(301, error("PermanentRedirect", "Use the endpoint"))
                .withHeader("x-amz-bucket-region", "ap-southeast-2")));

        assertThat(check(bucket("s3://acme-uploads"))).isError().hasSummaryContaining("lives in ap-southeast-2");
        S3.verify(1, getRequestedFor(urlEqualTo(LIST)));
    }

    @Test
    void aHostileRegionHeaderIsNotFollowed() {
        S3.stubFor(get(urlEqualTo(LIST)).willReturn(xml(301, error("PermanentRedirect", "Use the endpoint"))
                .withHeader("x-amz-bucket-region", "evil.example/#")));

        assertThat(check(bucket("s3://acme-uploads"))).isError().hasSummaryContaining("301 PermanentRedirect");
        S3.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void garbageInPlaceOfXmlFails() {
        S3.stubFor(get(urlEqualTo(LIST)).willReturn(aResponse().withStatus(403).withBody("<html><body>Forbidden")));

        assertThat(check(bucket("s3://acme-uploads"))).isFail().hasSummaryContaining("does not answer like S3")
                .hasSummaryContaining("not well-formed XML");
    }

    @Test
    void aDoctypeIsRefusedSoNoEntityIsExpanded(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "local-file-content-7Qz");
        S3.stubFor(get(urlEqualTo(LIST)).willReturn(xml(403, "<?xml version=\"1.0\"?><!DOCTYPE Error [<!ENTITY x SYSTEM \""
                + secret.toUri() + "\">]><Error><Code>AccessDenied</Code><Message>&x;</Message></Error>")));

        assertThat(check(bucket("s3://acme-uploads"))).isFail().hasSummaryContaining("not well-formed XML")
                .containsNoText("local-file-content-7Qz");
    }

    @Test
    void aTwoHundredThatIsNoListingFails() {
        S3.stubFor(get(urlEqualTo(LIST)).willReturn(xml(200, "<ListAllMyBucketsResult><Buckets/></ListAllMyBucketsResult>")));

        assertThat(check(bucket("s3://acme-uploads"))).isFail().hasSummaryContaining("<ListAllMyBucketsResult>");
    }

    @Test
    void aServerErrorIsAnErrorNotAPass() {
        S3.stubFor(get(urlEqualTo(LIST)).willReturn(xml(503, error("SlowDown", "Please reduce your request rate."))));

        assertThat(check(bucket("s3://acme-uploads"))).isError().hasSummaryContaining("503 SlowDown")
                .hasSummaryContaining("reduce your request rate");
    }

    @Test
    void aTemplateBucketFailsWithoutARequest() {
        assertThat(check(bucket("s3://your-bucket-name"))).isFail().hasSummaryContaining("is a template");
        S3.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anInvalidBucketNameFailsWithoutARequest() {
        Target target = Target.builder("uploads", TargetKind.STORAGE).attribute("bucket", "Acme_Uploads")
                .attribute("endpoint", S3.baseUrl()).build();

        assertThat(check(target)).isFail().hasSummaryContaining("not a valid bucket name");
        S3.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aPathStyleBucketUrlIsAskedThereAndItsUserInfoIsNeverSent() {
        S3.stubFor(get(urlEqualTo(LIST)).willReturn(xml(403, error("AccessDenied", "Access Denied"))));
        Target target = Target.builder("uploads", TargetKind.STORAGE)
                .uri(URI.create("http://AKIAZ3MHQ7PL4XRTN2VB:" + SECRET_KEY.replace("/", "%2F") + "@127.0.0.1:"
                        + S3.getPort() + "/acme-uploads")).build();

        assertThat(check(target)).isPass().containsNoText(SECRET_KEY, "AKIAZ3MHQ7PL4XRTN2VB");
        S3.verify(1, getRequestedFor(urlEqualTo(LIST)).withHeader("Authorization", absent()));
    }

    @Test
    void aSilentEndpointIsAnErrorAtTheDeadline() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            Target target = Target.builder("uploads", TargetKind.STORAGE).uri(URI.create("s3://acme-uploads"))
                    .attribute("endpoint", "http://127.0.0.1:" + silent.getLocalPort()).build();
            var outcome = ProbeTestKit.forProbe(new StoragePublicListingProbe()).target(target)
                    .timeout(Duration.ofSeconds(1)).run();

            assertThat(outcome.result()).isError();
            assertThat(outcome.duration()).isLessThan(Duration.ofMillis(1800));
        }
    }
}
