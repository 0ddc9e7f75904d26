package dev.preflight.payments.internal;

import dev.preflight.net.Network;
import dev.preflight.probe.ProbeContext;
import java.io.IOException;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * POSTs test events to an application's webhook endpoint, as the providers deliver them: JSON, no
 * redirects followed, no retries. Every call goes through the check's {@link Network} client:
 * bounded by the deadline, cancelled with the check, honouring the run's host overrides, DNS server
 * and extra trusted CAs. Failures become an {@link IOException} whose message names only the endpoint's origin
 * and holds neither the webhook secret nor a signature header.
 */
public final class WebhookPoster {
    private static final MediaType JSON = MediaType.get("application/json");
    private final ProbeContext context;
    private final HttpUrl url;
    private final List<String> sent;

    /**
     * @param context the check, for its deadline, cancellation, network settings and redactor
     * @param url the webhook endpoint
     * @param secrets the webhook secret and anything derived from it, scrubbed from every message
     */
    public WebhookPoster(ProbeContext context, HttpUrl url, List<String> secrets) {
        this.context = context;
        this.url = url;
        this.sent = List.copyOf(secrets);
    }

    /**
     * @param webhookCase the delivery to send
     * @return the application's answer
     * @throws IOException when no answer came in time; its message holds no secret
     */
    public WebhookDelivery post(WebhookCase webhookCase) throws IOException {
        Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(webhookCase.body(), JSON));
        webhookCase.headers().forEach(request::header);
        try (Response response = Network.of(context).http().newCall(request.build()).execute()) {
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
