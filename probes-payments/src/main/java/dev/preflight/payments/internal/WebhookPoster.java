package dev.preflight.payments.internal;

import dev.preflight.probe.ProbeContext;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * POSTs test events to an application's webhook endpoint, as the providers deliver them: JSON, no
 * redirects followed, no retries. Every call is bounded by the check's deadline and cancelled with
 * it; the run's host overrides replace DNS for the endpoint's host and port, and its extra CAs are
 * trusted. Failures become an {@link IOException} whose message names only the endpoint's origin
 * and holds neither the webhook secret nor a signature header.
 */
public final class WebhookPoster {
    private static final MediaType JSON = MediaType.get("application/json");
    /** Redirects and retries are part of the verdict, so okhttp must do neither. */
    private static final OkHttpClient BASE = new OkHttpClient.Builder()
            .followRedirects(false).followSslRedirects(false).retryOnConnectionFailure(false).build();

    private final ProbeContext context;
    private final HttpUrl url;
    private final List<String> sent;
    private final OkHttpClient client;

    /**
     * @param context the check, for its deadline, cancellation, network settings and redactor
     * @param url the webhook endpoint
     * @param secrets the webhook secret and anything derived from it, scrubbed from every message
     * @throws IOException if the extra CAs cannot be combined with the default trust store
     */
    public WebhookPoster(ProbeContext context, HttpUrl url, List<String> secrets) throws IOException {
        this.context = context;
        this.url = url;
        this.sent = List.copyOf(secrets);
        this.client = ClientNetwork.apply(BASE.newBuilder(), context.network(), url.port()).build();
    }

    /**
     * @param webhookCase the delivery to send
     * @return the application's answer
     * @throws IOException when no answer came in time; its message holds no secret
     */
    public WebhookDelivery post(WebhookCase webhookCase) throws IOException {
        Duration left = context.remaining();
        if (left.isZero()) {
            // callTimeout(0) would mean no timeout at all.
            throw new InterruptedIOException("the deadline passed before the " + webhookCase.name() + " event was sent to "
                    + origin());
        }
        Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(webhookCase.body(), JSON))
                .header("User-Agent", "preflight (webhook signature test)");
        webhookCase.headers().forEach(request::header);
        Call call = client.newBuilder().callTimeout(left.toMillis() + 1, TimeUnit.MILLISECONDS).build()
                .newCall(request.build());
        context.onCancel(call::cancel);
        try (Response response = call.execute()) {
            return new WebhookDelivery(webhookCase, response.code());
        } catch (IOException e) {
            throw scrubbed(webhookCase, e);
        }
    }

    /** @return scheme, host and port: what messages may name of the endpoint */
    public String origin() {
        return url.scheme() + "://" + url.host() + ":" + url.port();
    }

    private IOException scrubbed(WebhookCase webhookCase, IOException e) {
        return ScrubbedFailure.of(e, "the webhook endpoint at " + origin() + " did not answer the " + webhookCase.name()
                + " event", text -> {
                    for (String s : sent) {
                        if (!s.isEmpty()) {
                            text = text.replace(s, "…");
                        }
                    }
                    return context.redactor().redact(text);
                });
    }
}
