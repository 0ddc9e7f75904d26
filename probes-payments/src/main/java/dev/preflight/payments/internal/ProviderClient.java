package dev.preflight.payments.internal;

import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Secret;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Read-only GETs against a payment provider's API, bounded by the check's deadline and cancelled
 * with it, through the run's host overrides and extra trusted CAs ({@link ClientNetwork}). A 429 is retried once after {@link RateLimitBackoff}, when the retry fits the deadline.
 * Failures to get an answer become an {@link IOException} whose message is scrubbed of the keys the
 * request carried and of every secret the run knows: okhttp's messages may quote URLs.
 */
public final class ProviderClient {
    /** Account objects are a few kilobytes; more is not an API answer. */
    private static final long MAX_BODY = 1 << 20;
    /** One pool for every check; each call gets its own deadline from {@link #clientFor}. */
    private static final OkHttpClient BASE = new OkHttpClient.Builder()
            .followRedirects(false).retryOnConnectionFailure(false).build();

    private final ProbeContext context;
    private final Provider provider;
    private final String authorization;
    private final List<Secret> sent;

    /**
     * @param context the check, for its deadline, cancellation and redactor
     * @param provider whose API this is
     * @param authorization the {@code Authorization} header value
     * @param sent the secrets inside that header, scrubbed from every message
     */
    public ProviderClient(ProbeContext context, Provider provider, String authorization, List<Secret> sent) {
        this.context = context;
        this.provider = provider;
        this.authorization = authorization;
        this.sent = List.copyOf(sent);
    }

    /**
     * @param url the endpoint
     * @return the answer, after at most one retry of a 429
     * @throws IOException when no answer came in time; its message holds no secret
     * @throws InterruptedException when interrupted while backing off
     */
    public ProviderReply get(HttpUrl url) throws IOException, InterruptedException {
        ProviderReply reply = once(url);
        if (reply.code() != 429) {
            return reply;
        }
        Optional<Duration> wait = RateLimitBackoff.delay(reply.retryAfter(), context.remaining());
        if (wait.isEmpty()) {
            return reply;
        }
        Thread.sleep(wait.get().toMillis());
        return once(url);
    }

    private ProviderReply once(HttpUrl url) throws IOException {
        Duration left = context.remaining();
        if (left.isZero()) {
            // callTimeout(0) would mean no timeout at all.
            throw new InterruptedIOException(provider.displayName() + " API: the deadline passed before the request");
        }
        Request request = new Request.Builder().url(url).get()
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("User-Agent", "preflight")
                .build();
        Call call = clientFor(left, url.port()).newCall(request);
        context.onCancel(call::cancel);
        try (Response response = call.execute()) {
            String body = response.peekBody(MAX_BODY).string();
            Optional<String> requestId = provider.requestIdHeader().map(response::header);
            return new ProviderReply(response.code(), body, requestId, Optional.ofNullable(response.header("Retry-After")));
        } catch (IOException e) {
            throw scrubbed(url, e);
        }
    }

    private OkHttpClient clientFor(Duration left, int port) throws IOException {
        return ClientNetwork.apply(BASE.newBuilder(), context.network(), port)
                .callTimeout(left.toMillis() + 1, TimeUnit.MILLISECONDS).build();
    }

    private IOException scrubbed(HttpUrl url, IOException e) {
        return ScrubbedFailure.of(e, provider.displayName() + " API at " + url.scheme() + "://" + url.host() + ":"
                + url.port() + " did not answer", text -> {
                    for (Secret s : sent) {
                        text = text.replace(s.reveal(), s.redacted());
                    }
                    return context.redactor().redact(text);
                });
    }
}
