package dev.preflight.http;

import dev.preflight.http.internal.Burst;
import dev.preflight.http.internal.BurstOutcome;
import dev.preflight.http.internal.PageRequest;
import dev.preflight.http.internal.Shorten;
import dev.preflight.http.internal.Site;
import dev.preflight.http.internal.SitePaths;
import dev.preflight.net.NetworkFailures;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code http.rate-limit}: a burst of requests to an endpoint meets a limit (a 429, or any response
 * with {@code Retry-After}) before it ends. <b>This probe sends a burst</b>, so {@link #writes()} is
 * true: it runs only when its id is named explicitly ({@code --probe http.rate-limit}).
 *
 * <p>The burst goes to the host's first address only: one burst, not one per node, and limits are
 * usually enforced at the edge or in a store the nodes share. It sends at most {@code requests}
 * requests, {@code concurrency} at a time, and stops at the first limited response; the requests
 * carry the target URL's credentials, like a real client's. PASS: limited at request k (the number
 * served before the limit, plus one), named in the summary. FAIL: every request answered and none
 * limited; or a 5xx without {@code Retry-After} before any limit (the service fails under the burst
 * instead of shedding it; nginx's {@code limit_req} answers 503 unless told otherwise), which stops
 * the burst. ERROR: a request without answer, or the deadline came before the burst could finish
 * (the result says how far it got), or an invalid setting. SKIP: no {@code http(s)} URL. Not named,
 * it is not run at all: the runner leaves it out.
 *
 * <p>Settings: {@code requests} (50, at most 500), {@code path} (the target URL; a path or a URL on
 * the same host), {@code method} ({@code GET}; or {@code HEAD}, {@code POST} with an empty body,
 * {@code OPTIONS}), {@code concurrency} (4, at most 16).
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class RateLimitProbe implements Probe {
    private static final int DEFAULT_REQUESTS = 50;
    private static final int MAX_REQUESTS = 500;
    private static final int DEFAULT_CONCURRENCY = 4;
    private static final int MAX_CONCURRENCY = 16;
    private static final int MAX_RETRY_AFTER = 60;
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "OPTIONS");
    private static final String NO_LIMIT_REMEDY = "Limit requests per client and answer the excess with 429 and"
            + " Retry-After: nginx limit_req_zone + limit_req with limit_req_status 429, express-rate-limit, Django REST"
            + " framework throttling, Bucket4j in Spring, or a rate-based rule at the CDN or WAF (AWS WAF blocks with"
            + " 403 unless given a custom 429 response). Raise http.rate-limit.requests if the limit is set higher.";

    @Override
    public String id() {
        return "http.rate-limit";
    }

    @Override
    public String title() {
        return "Rate limiting answers 429 to a burst of requests (sends a burst)";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.WEB;
    }

    @Override
    public boolean writes() {
        return true;
    }

    /** What the settings ask for, checked before anything is sent. */
    private record Plan(URI url, String method, int requests, int concurrency) {
    }

    @Override
    public Result check(ProbeContext context) throws Exception {
        Optional<Site> found = Site.of(context);
        if (found.isEmpty()) {
            return Result.skip("the target has no http:// or https:// URL");
        }
        Site site = found.get();
        Plan plan;
        try {
            plan = plan(site, context);
        } catch (IllegalArgumentException e) {
            return Result.error(e.getMessage(), e);
        }
        InetAddress address;
        try {
            address = site.addresses().get(0);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return Result.error(NetworkFailures.describe(e, site.host()), e);
        }
        PageRequest request = site.get(plan.url()).withMethod(plan.method());
        BurstOutcome outcome = Burst.send(address, request, plan.requests(), plan.concurrency(), context);
        return verdict(site, address, plan, outcome);
    }

    private Plan plan(Site site, ProbeContext context) {
        int requests = context.settings().integer("requests", DEFAULT_REQUESTS);
        if (requests < 1 || requests > MAX_REQUESTS) {
            throw context.settings().invalid("requests", "must be between 1 and " + MAX_REQUESTS);
        }
        int concurrency = context.settings().integer("concurrency", DEFAULT_CONCURRENCY);
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw context.settings().invalid("concurrency", "must be between 1 and " + MAX_CONCURRENCY);
        }
        String method = context.settings().string("method").orElse("GET").strip().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw context.settings().invalid("method", "must be GET, HEAD, POST or OPTIONS");
        }
        Optional<String> path = context.settings().string("path");
        URI url = path.isEmpty() ? site.url() : SitePaths.resolve(site, path.get()).orElseThrow(() ->
                context.settings().invalid("path", "must be a path such as /api/login or a URL on " + site.host()
                        + " without credentials"));
        return new Plan(url, method, requests, concurrency);
    }

    private static Result verdict(Site site, InetAddress address, Plan plan, BurstOutcome outcome) {
        String where = plan.method() + " " + SitePaths.path(plan.url());
        long ms = outcome.elapsed().toMillis();
        Result.Builder result = switch (outcome.ending()) {
            case LIMITED -> Result.builder(Status.PASS).summary("limited at request " + outcome.limitedAt() + " of at most "
                    + plan.requests() + ": " + outcome.limitStatus() + " after " + outcome.served() + " served in " + ms
                    + " ms" + (outcome.retryAfter() == null ? ", without Retry-After"
                    : ", Retry-After: " + Shorten.to(outcome.retryAfter(), MAX_RETRY_AFTER)));
            case SERVER_ERROR -> Result.builder(Status.FAIL).summary("response " + outcome.serverErrorAt() + " of the burst"
                    + " was " + outcome.serverErrorStatus() + " without Retry-After, before any 429: " + where
                    + " fails under a burst instead of limiting it").remediation(serverErrorRemedy(outcome));
            case FAILED -> Result.builder(Status.ERROR).summary(NetworkFailures.describe(outcome.failure(), site.endpoint()
                    + " (" + address.getHostAddress() + ")") + ", after " + outcome.answered() + " of "
                    + plan.requests() + " requests were answered").cause(outcome.failure());
            case DEADLINE -> Result.builder(Status.ERROR).summary("the deadline came after " + outcome.answered() + " of "
                    + plan.requests() + " requests were answered in " + ms + " ms, none limited so far; raise the"
                    + " target's timeout or lower http.rate-limit.requests");
            case COMPLETED -> Result.builder(Status.FAIL).summary(outcome.answered() + " requests in " + ms
                    + " ms, none limited").remediation(NO_LIMIT_REMEDY);
        };
        result.subject(site.endpoint() + " (" + address.getHostAddress() + ")")
                .detail("url", SitePaths.shown(plan.url()))
                .detail("method", plan.method())
                .detail("address", address.getHostAddress())
                .detail("requests", plan.requests())
                .detail("concurrency", plan.concurrency())
                .detail("sent", outcome.sent())
                .detail("answered", outcome.answered())
                .detail("served", outcome.served())
                .detail("elapsedMs", ms)
                .detail("statuses", outcome.statusCounts());
        if (outcome.ending() == BurstOutcome.Ending.LIMITED) {
            result.detail("limitedAt", outcome.limitedAt()).detail("limitStatus", outcome.limitStatus());
            if (outcome.retryAfter() != null) {
                result.detail("retryAfter", Shorten.to(outcome.retryAfter(), MAX_RETRY_AFTER));
            }
        }
        return result.build();
    }

    private static String serverErrorRemedy(BurstOutcome outcome) {
        String nginx = outcome.serverErrorStatus() == 503 ? "If this 503 is nginx's limit_req, add limit_req_status 429;"
                + " (nginx rejects with 503 by default, which clients and monitors read as an outage). Otherwise " : "";
        return nginx + (nginx.isEmpty() ? "T" : "t") + "he service fails under " + outcome.sent() + " requests: put a"
                + " per-client limit answering 429 with Retry-After in front of it, before it runs out of capacity.";
    }
}
