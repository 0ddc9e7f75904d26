package dev.preflight.http;

import dev.preflight.http.internal.storage.BucketAddress;
import dev.preflight.http.internal.storage.BucketLocator;
import dev.preflight.http.internal.storage.BucketProblem;
import dev.preflight.http.internal.storage.S3Answer;
import dev.preflight.net.Network;
import dev.preflight.net.NetworkFailures;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * {@code storage.public-listing}: an anonymous request may not list an object storage bucket, and the
 * bucket the configuration names exists.
 *
 * <p>The probe sends one unsigned {@code GET /?list-type=2&max-keys=1} (S3 ListObjectsV2, one key at
 * most) to the bucket, with no credential of any kind: the run's AWS keys are never read, sent or
 * shown. The target is of kind {@code storage}: {@code kind: storage} with {@code url:
 * s3://bucket-name} (or the attribute {@code bucket}) and the attributes {@code region} and
 * {@code endpoint} (an S3-compatible service: R2, Spaces, MinIO…, asked path-style; it may hold
 * {@code {region}}), or with a bucket URL ({@code https://bucket.s3.eu-west-1.amazonaws.com},
 * {@code https://s3.eu-west-1.amazonaws.com/bucket}, {@code https://endpoint/bucket},
 * {@code https://bucket.nyc3.digitaloceanspaces.com}). An environment file's {@code AWS_S3_BUCKET},
 * {@code S3_BUCKET}, {@code AWS_STORAGE_BUCKET_NAME} or {@code AWS_BUCKET}, with its region and
 * endpoint variables, makes such a target. Without a region Amazon's global endpoint is asked; when S3
 * answers that the bucket lives elsewhere (301 {@code PermanentRedirect}, 307, or 400 with the
 * {@code x-amz-bucket-region} header) the request is sent once more to that region.
 *
 * <p>Verdicts:
 * <ul>
 * <li>PASS when the listing is refused: 403 {@code AccessDenied} or {@code AllAccessDisabled}.</li>
 * <li>FAIL when anyone can list the bucket: 200 with a {@code ListBucketResult}. The fix: S3 Block
 *     Public Access, and no bucket policy or ACL granting {@code s3:ListBucket} to everyone.</li>
 * <li>FAIL when the bucket does not exist (404 {@code NoSuchBucket}): anyone may create a bucket of
 *     that name and receive the application's uploads or serve its assets (bucket takeover).</li>
 * <li>FAIL without a request when the bucket name is a template ({@code your-bucket-name}), not a
 *     valid bucket name, or the endpoint is a template host; FAIL when the answer is not S3's (not
 *     well-formed XML, or a 200 that is no listing), naming what came back.</li>
 * <li>ERROR when the endpoint cannot be reached or answers nothing in time, answers another S3 error
 *     (a 5xx, {@code SlowDown}…), or redirects to a region it cannot be asked in (a fixed endpoint):
 *     whether the bucket can be listed is then unknown.</li>
 * </ul>
 *
 * <p>No settings. Details: {@code request} (the URL asked), {@code answer} (status and S3 code),
 * {@code region} (the region asked), and {@code key-count} for a listing. Stateless and thread-safe.
 *
 * @since 0.3
 */
public final class StoragePublicListingProbe implements Probe {
    /** Statuses S3 redirects a request to a bucket of another region with; 400 for regions opened after March 2019. */
    private static final Set<Integer> WRONG_REGION = Set.of(301, 307, 400);

    @Override
    public String id() {
        return "storage.public-listing";
    }

    @Override
    public String title() {
        return "An anonymous request cannot list the storage bucket";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.STORAGE;
    }

    @Override
    public Result check(ProbeContext context) throws Exception {
        BucketAddress bucket;
        try {
            bucket = BucketLocator.locate(context.target());
        } catch (BucketProblem problem) {
            return Result.fail(problem.getMessage(), problem.remediation());
        }
        Asked first = ask(context, bucket);
        if (first.answer().isEmpty()) {
            return first.failure();
        }
        S3Answer answer = first.answer().get();
        Optional<String> elsewhere = answer.bucketRegion().filter(r -> BucketAddress.REGION.matcher(r).matches())
                .filter(r -> WRONG_REGION.contains(answer.status()) && !r.equals(bucket.regionAsked()));
        if (elsewhere.isPresent()) {
            Optional<BucketAddress> there = bucket.inRegion(elsewhere.get());
            if (there.isEmpty()) {
                return Result.error("the endpoint answered " + answer.describe() + ": " + bucket.describe()
                        + " lives in " + elsewhere.get() + ", which this endpoint cannot be asked for; set region"
                        + " and an endpoint for it", null);
            }
            Asked second = ask(context, there.get());
            return second.answer().map(a -> judge(there.get(), second.url(), a)).orElseGet(second::failure);
        }
        return judge(bucket, first.url(), answer);
    }

    /** One request and its answer, or the ERROR that stands for it. */
    private record Asked(URI url, Optional<S3Answer> answer, Result failure) {
    }

    private static Asked ask(ProbeContext context, BucketAddress bucket) {
        URI url = bucket.listUrl();
        Request request = new Request.Builder().url(url.toString()).get().build();
        try (Response response = Network.of(context).http().newCall(request).execute()) {
            ResponseBody body = response.body();
            byte[] bytes;
            try (InputStream in = body.byteStream()) {
                bytes = in.readNBytes(S3Answer.BODY_CAP);
            }
            S3Answer answer = S3Answer.read(response.code(), bytes, response.header("x-amz-bucket-region"));
            return new Asked(url, Optional.of(answer), null);
        } catch (IOException e) {
            return new Asked(url, Optional.empty(), Result.error(NetworkFailures.describe(e, url.getHost()
                    + (url.getPort() > 0 ? ":" + url.getPort() : "")), e));
        }
    }

    private static Result judge(BucketAddress bucket, URI url, S3Answer answer) {
        Result.Builder result = verdict(bucket, answer).detail("request", url.toString())
                .detail("answer", answer.describe()).detail("region", bucket.regionAsked());
        answer.keyCount().ifPresent(k -> result.detail("key-count", k));
        return result.build();
    }

    private static Result.Builder verdict(BucketAddress bucket, S3Answer answer) {
        String name = bucket.describe();
        if (answer.status() == 200 && answer.root().equals("ListBucketResult")) {
            return Result.builder(Status.FAIL).subject(bucket.bucket())
                    .summary("anyone can list " + name + ": an anonymous ListObjectsV2 request was answered with its"
                            + " listing")
                    .remediation("Turn on S3 Block Public Access for the bucket (and the account), and remove the"
                            + " bucket policy statement or ACL grant that gives s3:ListBucket to \"*\" or AllUsers;"
                            + " on R2, Spaces or MinIO make the bucket private (MinIO: mc anonymous set none). Serve"
                            + " public files through a CDN or presigned URLs instead.");
        }
        if (answer.status() == 403 && answer.isError("AccessDenied", "AllAccessDisabled")) {
            return Result.builder(Status.PASS).subject(bucket.bucket())
                    .summary("an anonymous listing of " + name + " is refused (" + answer.describe() + ")");
        }
        if (answer.status() == 404 && answer.isError("NoSuchBucket")) {
            return Result.builder(Status.FAIL).subject(bucket.bucket())
                    .summary(name + " does not exist: anyone can create a bucket of that name and receive what the"
                            + " application uploads, or serve content in its place (bucket takeover)")
                    .remediation("Create the bucket in your own account now (with Block Public Access on), or"
                            + " correct the bucket name or region in the configuration, or remove it if unused.");
        }
        if (answer.problem().isPresent() && answer.status() < 500) {
            return Result.builder(Status.FAIL).subject(bucket.bucket())
                    .summary("the endpoint does not answer like S3 for " + name + ": status " + answer.status()
                            + " with " + answer.problem().get())
                    .remediation("Point the target at the bucket's S3 API endpoint (set region or endpoint); a web"
                            + " page or proxy in front of it says nothing about who may list it.");
        }
        if (answer.status() == 200) {
            return Result.builder(Status.FAIL).subject(bucket.bucket())
                    .summary("the endpoint answered 200 with <" + answer.root() + ">, not a bucket listing, for "
                            + name)
                    .remediation("Point the target at the bucket's S3 API endpoint; if this answer lists buckets or"
                            + " objects, it is public: make it private.");
        }
        return Result.builder(Status.ERROR).subject(bucket.bucket())
                .summary("could not tell whether " + name + " can be listed: the endpoint answered " + answer.describe()
                        + answer.message().map(m -> " (" + m + ")").orElse(""));
    }
}
