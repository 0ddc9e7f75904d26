package dev.preflight.http.internal;

import dev.preflight.net.Network;
import dev.preflight.net.NetworkFailures;
import dev.preflight.net.TlsCapture;
import dev.preflight.probe.ProbeContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends one request to one address and keeps the answer as a {@link Page}.
 *
 * <p>The client comes from {@link Network#inspectingClient}: redirects are never followed,
 * connections never retried, every call bounded by the probe's deadline, and any chain accepted, so
 * that a bad certificate does not hide a missing header (judging the chain is
 * {@code tls.certificate}'s job, and these requests carry nothing secret beyond what the target's
 * own URL holds). The body is read up to a cap; gzip is asked for explicitly and undone here, so
 * that the raw {@code Content-Encoding} stays visible.
 */
public final class PageFetcher {
    /** The most body bytes kept by default. */
    public static final int DEFAULT_BODY_CAP = 1 << 20;

    private PageFetcher() {
    }

    /**
     * A client that connects every host name to {@code address}; share it among one target's
     * requests to that address, so they reuse its connection.
     *
     * @param address where to connect
     * @return the client, unbound: {@link #fetch} binds it to the probe's deadline
     * @throws IOException if the JVM has no TLS
     */
    public static OkHttpClient clientFor(InetAddress address) throws IOException {
        // Each call's timings travel as a tag of its request, so one client serves every call.
        return Network.inspectingClient(address).newBuilder().eventListenerFactory(call -> {
            ExchangeTimings timings = call.request().tag(ExchangeTimings.class);
            return timings != null ? timings : EventListener.NONE;
        }).build();
    }

    /**
     * @param client a client from {@link Network#inspectingClient}
     * @param address the address it connects to, for the page's record
     * @param request what to send
     * @param bodyCap the most body bytes to keep
     * @param context the probe's context: deadline and cancellation
     * @return the answer
     * @throws IOException if no answer came: refused, reset, TLS failure, timeout
     */
    public static Page fetch(OkHttpClient client, InetAddress address, PageRequest request, int bodyCap,
            ProbeContext context) throws IOException {
        ExchangeTimings timings = new ExchangeTimings();
        try {
            return once(client, address, request, bodyCap, context, timings);
        } catch (IOException e) {
            if (!staleConnection(e, request, timings) || context.remaining().isZero()
                    || Thread.currentThread().isInterrupted()) {
                throw e;
            }
            // HTTP/1.1 lets a server close an idle connection after any answer (RFC 9112 9.6); the pool
            // dropped the dead one, so this goes over a fresh connection, as browsers retry.
            return once(client, address, request, bodyCap, context, new ExchangeTimings());
        }
    }

    private static Page once(OkHttpClient client, InetAddress address, PageRequest request, int bodyCap,
            ProbeContext context, ExchangeTimings timings) throws IOException {
        TlsCapture capture = new TlsCapture();
        Call call = Network.of(context).http(client).newCall(toOkHttp(request, capture, timings));
        long start = System.nanoTime();
        try (Response response = call.execute()) {
            Body body = read(response, bodyCap);
            List<HeaderField> headers = new ArrayList<>();
            for (int i = 0; i < response.headers().size(); i++) {
                headers.add(new HeaderField(response.headers().name(i), response.headers().value(i)));
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            Duration firstByte = timings.timeToFirstByte();
            return new Page(request, address, response.code(), response.protocol().toString(), headers, body.bytes,
                    body.truncated, capture.session().orElse(null), elapsed, firstByte == null ? elapsed : firstByte);
        }
    }

    /** An idempotent request that failed on a reused connection without any answer: worth one retry. */
    private static boolean staleConnection(IOException e, PageRequest request, ExchangeTimings timings) {
        boolean idempotent = request.method().equals("GET") || request.method().equals("HEAD")
                || request.method().equals("OPTIONS");
        return idempotent && !timings.newConnection() && !NetworkFailures.isTimeout(e)
                && timings.timeToFirstByte() == null;
    }

    private static Request toOkHttp(PageRequest request, TlsCapture capture, ExchangeTimings timings) {
        Request.Builder b = capture.attachTo(new Request.Builder().url(request.url().toString()))
                .tag(ExchangeTimings.class, timings);
        boolean acceptEncoding = false;
        for (HeaderField h : request.headers()) {
            b.addHeader(h.name(), h.value());
            acceptEncoding |= h.is("Accept-Encoding");
        }
        if (!acceptEncoding) {
            // Asking ourselves stops okhttp from undoing gzip silently and hiding Content-Encoding.
            b.header("Accept-Encoding", "gzip");
        }
        // A body goes as the type the request names (a form, for a CSRF check), JSON otherwise.
        String type = request.headers().stream().filter(h -> h.is("Content-Type")).map(HeaderField::value)
                .findFirst().orElse("application/json");
        RequestBody body = request.body() == null ? null : RequestBody.create(request.body(), MediaType.parse(type));
        if (body == null && (request.method().equals("POST") || request.method().equals("PUT"))) {
            body = RequestBody.create(new byte[0], null);
        }
        return b.method(request.method(), body).build();
    }

    private record Body(byte[] bytes, boolean truncated) {
    }

    private static Body read(Response response, int cap) throws IOException {
        ResponseBody body = response.body();
        boolean gzip = response.header("Content-Encoding", "").toLowerCase(Locale.ROOT).contains("gzip");
        try (InputStream raw = body.byteStream()) {
            if (!gzip) {
                return readCapped(raw, cap);
            }
            try (InputStream in = new GZIPInputStream(raw)) {
                return readCapped(in, cap);
            } catch (java.util.zip.ZipException e) {
                // Claims gzip but is not: keep nothing rather than garbage.
                return new Body(new byte[0], false);
            }
        }
    }

    private static Body readCapped(InputStream in, int cap) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(cap, 16 * 1024));
        byte[] buffer = new byte[8192];
        int total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            int keep = Math.min(n, cap - total);
            out.write(buffer, 0, keep);
            total += keep;
            if (total >= cap) {
                return new Body(out.toByteArray(), in.read() >= 0 || keep < n);
            }
        }
        return new Body(out.toByteArray(), false);
    }
}
