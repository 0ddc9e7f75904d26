package dev.preflight.net.internal;

import dev.preflight.Preflight;
import dev.preflight.net.DeadlineExceededException;
import dev.preflight.probe.ProbeContext;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionSpec;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The okhttp clients probes share: one connection pool and dispatcher for the JVM, and per check a
 * light copy bound to that check's deadline and cancellation. Redirects are never followed and
 * connections never retried, because both are part of what probes judge.
 */
public final class HttpClients {
    /** The one User-Agent every Preflight request carries. */
    public static final String USER_AGENT = "Preflight/" + Preflight.version() + " (production-readiness check)";

    /** Verifies certificates against the system's roots; per check, {@code --ca-file} is added. */
    public static final OkHttpClient VERIFYING = new OkHttpClient.Builder()
            .followRedirects(false)
            .followSslRedirects(false)
            .retryOnConnectionFailure(false)
            .socketFactory(NoDelaySockets.FACTORY)
            .build();

    /** Accepts any chain and offers whatever the JVM can speak, so old servers are still judged. */
    public static final OkHttpClient INSPECTING = VERIFYING.newBuilder()
            .hostnameVerifier((host, session) -> true)
            .connectionSpecs(List.of(new ConnectionSpec.Builder(ConnectionSpec.MODERN_TLS)
                    .allEnabledCipherSuites().allEnabledTlsVersions().build(), ConnectionSpec.CLEARTEXT))
            .build();

    private HttpClients() {
    }

    /**
     * @param client any client
     * @param context the check it serves
     * @return a copy whose calls end at the check's deadline, are cancelled with the check, and carry
     *     Preflight's User-Agent unless the request sets its own
     * @throws IOException if the deadline has already passed ({@code callTimeout(0)} would mean none)
     */
    public static OkHttpClient bind(OkHttpClient client, ProbeContext context) throws IOException {
        int left = Deadlines.millisLeft(context, "an HTTP request");
        return client.newBuilder().callTimeout(left + 1L, TimeUnit.MILLISECONDS)
                .addInterceptor(new Binding(context)).build();
    }

    /** Registers each call for cancellation and names the client. */
    private static final class Binding implements Interceptor {
        private final ProbeContext context;

        Binding(ProbeContext context) {
            this.context = context;
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            context.onCancel(chain.call()::cancel);
            Request request = chain.request();
            if (request.header("User-Agent") == null) {
                request = request.newBuilder().header("User-Agent", USER_AGENT).build();
            }
            try {
                return chain.proceed(request);
            } catch (IOException e) {
                // At the deadline the check's cancellation (closing the socket) and the call timeout race;
                // either way the deadline came, and callers must read it as such.
                if (!(e instanceof InterruptedIOException) && context.remaining().isZero()) {
                    DeadlineExceededException late = new DeadlineExceededException("no answer from "
                            + request.url().host() + " before the deadline");
                    late.initCause(e);
                    throw late;
                }
                throw e;
            }
        }
    }
}
