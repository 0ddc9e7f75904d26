package dev.preflight.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.preflight.http.internal.SitePaths;
import dev.preflight.http.internal.InvalidConditionException;
import dev.preflight.http.internal.JsonCondition;
import dev.preflight.http.internal.JsonReader;
import dev.preflight.http.internal.MalformedJsonException;
import dev.preflight.http.internal.Page;
import dev.preflight.http.internal.PageFetcher;
import dev.preflight.http.internal.PageRequest;
import dev.preflight.http.internal.PerAddress;
import dev.preflight.http.internal.Shorten;
import dev.preflight.http.internal.Site;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.Status;
import dev.preflight.probe.TargetKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code http.health}: the health endpoint answers 2xx within a latency budget on every node, and,
 * if asked, its JSON says the service is healthy.
 *
 * <p>Each address of the host gets its own GET over a new connection, never borrowed from another
 * probe's fetch. The latency judged is the server's: from sending the request to the first byte of
 * the answer, on the established connection. Name lookup, connecting and the TLS handshake are left
 * out, since their cost grows with the checking machine's own load, and a verdict must not. PASS:
 * 2xx within {@code max-latency} and the condition holds. WARN: slower than {@code max-latency} twice
 * in a row (a slow first answer is measured again, as load balancers wait for a second failed
 * check). FAIL: a non-2xx status; a redirect (load balancers count a 3xx as
 * unhealthy: AWS target groups match 200 by default); with {@code expect}, a body that is not JSON
 * or a condition that does not hold. ERROR: no answer before the deadline, or an invalid setting.
 * SKIP: a target without an {@code http(s)} URL. With several addresses the worst node wins and is
 * named.
 *
 * <p>Settings: {@code path} ({@code /health}; a path relative to the target URL, or a URL on the
 * same host, e.g. a management port), {@code max-latency} ({@code 1s}), {@code expect} (none; a
 * condition on the JSON body such as {@code status == "healthy"}, {@code checks.db.status == "UP"},
 * {@code status in ["UP", "ok"]} or {@code ready == true}: a dotted path with {@code [0]} indexes
 * and {@code ["any name"]} names, {@code ==}, {@code !=} or {@code in}, and JSON literals; one
 * comparison, no {@code and}/{@code or}).
 *
 * <p>With {@code expect}, the body is read strictly (RFC 8259): one value, no comments, single
 * quotes, trailing commas or {@code NaN}, no duplicate member names, at most 256 KiB, 64 levels of
 * nesting and numbers of 256 characters. A body that breaks a rule is a FAIL naming the first
 * problem and its byte offset; besides a duplicate member name, it quotes at most one character of
 * what the target sent.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class HealthProbe implements Probe {
    private static final String DEFAULT_PATH = "/health";
    private static final Duration DEFAULT_MAX_LATENCY = Duration.ofSeconds(1);
    private static final int SHOWN_VALUE_CHARS = 200;

    @Override
    public String id() {
        return "http.health";
    }

    @Override
    public String title() {
        return "Health endpoint answers 2xx quickly on every node, with a healthy body";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.WEB;
    }

    /** What the settings ask for, checked before anything is sent. */
    private record Expectation(URI url, Duration maxLatency, JsonCondition condition) {
    }

    @Override
    public Result check(ProbeContext context) throws Exception {
        Optional<Site> found = Site.of(context);
        if (found.isEmpty()) {
            return Result.skip("the target has no http:// or https:// URL");
        }
        Site site = found.get();
        Duration maxLatency;
        try {
            maxLatency = context.settings().duration("max-latency", DEFAULT_MAX_LATENCY);
        } catch (IllegalArgumentException e) {
            return Result.error(e.getMessage(), e);
        }
        if (maxLatency.isZero() || maxLatency.isNegative()) {
            throw context.settings().invalid("max-latency", "must be positive");
        }
        Optional<URI> url = SitePaths.resolve(site, context.settings().string("path").orElse(DEFAULT_PATH));
        if (url.isEmpty()) {
            throw context.settings().invalid("path", "must be a path such as /health or a URL on " + site.host()
                    + " without credentials");
        }
        JsonCondition condition = null;
        Optional<String> expect = context.settings().string("expect").filter(s -> !s.isBlank());
        if (expect.isPresent()) {
            try {
                condition = JsonCondition.parse(expect.get());
            } catch (InvalidConditionException e) {
                return Result.builder(Status.ERROR).summary("setting " + id() + ".expect is invalid: " + e.getMessage())
                        .detail("setting", id() + ".expect").detail("column", e.column()).cause(e).build();
            }
        }
        Expectation expectation = new Expectation(url.get(), maxLatency, condition);
        return PerAddress.check(site, address -> judge(site, address, expectation));
    }

    private static Result judge(Site site, InetAddress address, Expectation expected) throws Exception {
        ProbeContext context = site.context();
        // Closed after the answer, as a load balancer's check is: the connection is never reused.
        PageRequest request = site.get(expected.url()).withHeader("Connection", "close");
        if (expected.condition() != null) {
            request = request.withHeader("Accept", "application/json");
        }
        // A client of its own: a new connection, timed like a load balancer's check, and an
        // exchange of its own rather than a page another probe fetched earlier.
        Page page = PageFetcher.fetch(PageFetcher.clientFor(address), address, request, JsonReader.MAX_BYTES, context);
        String where = "GET " + SitePaths.path(expected.url());
        long latencyMs = page.firstByte().toMillis();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("url", SitePaths.shown(expected.url()));
        facts.put("status", page.status());
        facts.put("latencyMs", latencyMs);
        facts.put("maxLatencyMs", expected.maxLatency().toMillis());
        if (expected.condition() != null) {
            facts.put("expect", expected.condition().toString());
        }
        if (page.status() >= 300 && page.status() < 400) {
            String to = page.location().map(u -> " to " + SitePaths.shown(u)).orElse("");
            return verdict(Status.FAIL, where + " answered " + page.status() + ", a redirect" + to,
                    "Load balancers do not follow redirects and count a " + page.status() + " as unhealthy: point the"
                    + " health check and http.health.path at the final URL, or serve the endpoint without a redirect"
                    + " (no trailing-slash or HTTPS redirect on it).", facts);
        }
        if (page.status() < 200 || page.status() >= 300) {
            return verdict(Status.FAIL, where + " answered " + page.status(),
                    "Make the endpoint answer 200 while the node can serve traffic: a load balancer takes a node that"
                    + " answers " + page.status() + " out of rotation. Check the node's logs and the dependencies its"
                    + " health check tests.", facts);
        }
        if (expected.condition() != null) {
            Result unhealthy = judgeBody(page, expected.condition(), where, facts);
            if (unhealthy != null) {
                return unhealthy;
            }
        }
        String condition = expected.condition() == null ? "" : " and " + expected.condition() + " holds";
        if (page.firstByte().compareTo(expected.maxLatency()) > 0) {
            Duration again = secondSample(site, address, request, page.elapsed());
            facts.put("latenciesMs", again == null ? List.of(latencyMs) : List.of(latencyMs, again.toMillis()));
            if (again != null && again.compareTo(expected.maxLatency()) <= 0) {
                facts.put("latencyMs", again.toMillis());
                return verdict(Status.PASS, where + " answered " + page.status() + " within "
                        + budget(expected.maxLatency()) + condition + " (the first answer took " + latencyMs + " ms)",
                        null, facts);
            }
            if (again != null) {
                facts.put("latencyMs", Math.min(latencyMs, again.toMillis()));
            }
            String took = latencyMs + " ms" + (again == null ? "" : " and then " + again.toMillis() + " ms");
            return verdict(Status.WARN, where + " answered " + page.status() + " in " + took + ", over the "
                    + budget(expected.maxLatency()) + " budget" + condition,
                    "Keep the health check cheap (report cached dependency state rather than querying every"
                    + " dependency on each call) or raise http.health.max-latency if " + latencyMs + " ms is expected;"
                    + " a load balancer marks a node unhealthy when its check times out.", facts);
        }
        return verdict(Status.PASS, where + " answered " + page.status() + " within " + budget(expected.maxLatency())
                + condition, null, facts);
    }

    /**
     * One slow answer can be a cold cache or a cold JVM on either side; load balancers too wait for
     * a second failed check before they take a node out (AWS: two by default). Asked only when
     * there is time for it.
     *
     * @return how long a second request took, or null if there was no time or no answer
     */
    private static Duration secondSample(Site site, InetAddress address, PageRequest request, Duration first)
            throws InterruptedException {
        if (site.context().remaining().compareTo(first.multipliedBy(2)) <= 0) {
            return null;
        }
        try {
            return PageFetcher.fetch(PageFetcher.clientFor(address), address, request, JsonReader.MAX_BYTES,
                    site.context()).firstByte();
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("cancelled");
            }
            return null;
        }
    }

    /** @return a FAIL when the body is not JSON or does not meet the condition, else null */
    private static Result judgeBody(Page page, JsonCondition condition, String where, Map<String, Object> facts) {
        if (page.truncated()) {
            return verdict(Status.FAIL, "health body is not JSON: larger than " + JsonReader.MAX_BYTES + " bytes",
                    "Keep the health response small: a status and one entry per dependency.", facts);
        }
        JsonNode document;
        try {
            document = JsonReader.read(page.body());
        } catch (MalformedJsonException e) {
            facts.put("contentType", page.mediaType());
            return verdict(Status.FAIL, "health body is not JSON: " + e.getMessage(),
                    "Serve the health status as JSON (Spring Boot Actuator, MicroProfile Health and most"
                    + " frameworks' health modules do), or remove http.health.expect if this endpoint is plain text.", facts);
        }
        JsonCondition.Evaluation evaluation = condition.test(document);
        evaluation.found().ifPresent(v -> facts.put("value", shown(v, SHOWN_VALUE_CHARS)));
        if (evaluation.holds()) {
            return null;
        }
        String found = evaluation.found().map(v -> condition.path() + " is " + shown(v, 80))
                .orElse(condition.path() + " is missing");
        return verdict(Status.FAIL, where + " answered " + page.status() + " but " + condition
                + " does not hold: " + found,
                "Fix what the health endpoint reports (a dependency it checks is not ready), or correct"
                + " http.health.expect if the service reports health differently.", facts);
    }

    /** @return the value as compact JSON, cut to {@code max} characters */
    private static String shown(JsonNode value, int max) {
        return Shorten.to(value.toString(), max);
    }

    private static Result verdict(Status status, String summary, String remediation, Map<String, Object> facts) {
        Result.Builder result = Result.builder(status).summary(summary).remediation(remediation);
        facts.forEach(result::detail);
        return result.build();
    }

    private static String budget(Duration budget) {
        long ms = budget.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
