package dev.preflight.payments.internal;

import dev.preflight.net.Network;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Secret;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Read-only GETs against a payment provider's API through the check's {@link Network} client:
 * bounded by the deadline, cancelled with the check, and honouring the run's host overrides, DNS
 * server and extra trusted CAs. A 429 is retried once after {@link RateLimitBackoff}, when the retry
 * fits the deadline.
 * Failures to get an answer become an {@link IOException} whose message is scrubbed of the keys the
 * request carried and of every secret the run knows: okhttp's messages may quote URLs.
 */
public final class ProviderClient {
    /** Account objects are a few kilobytes; more is not an API answer. */
    private static final long MAX_BODY = 1 << 20;
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
        Request request = new Request.Builder().url(url).get()
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .build();
        try (Response response = Network.of(context).http().newCall(request).execute()) {
            String body = response.peekBody(MAX_BODY).string();
            Optional<String> requestId = provider.requestIdHeader().map(response::header);
            return new ProviderReply(response.code(), body, requestId, Optional.ofNullable(response.header("Retry-After")));
        } catch (IOException e) {
            throw scrubbed(url, e);
        }
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
