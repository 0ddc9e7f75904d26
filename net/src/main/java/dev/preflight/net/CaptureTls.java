package dev.preflight.net;

import java.io.IOException;
import javax.net.ssl.SSLSocket;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Response;

/** A network interceptor: it sees the connection a request actually goes over, and its socket. */
final class CaptureTls implements Interceptor {
    static final CaptureTls INSTANCE = new CaptureTls();

    private CaptureTls() {
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Connection connection = chain.connection();
        TlsCapture capture = chain.request().tag(TlsCapture.class);
        if (capture != null && connection != null && connection.socket() instanceof SSLSocket tls) {
            capture.record(TlsInspection.sessionOf(tls));
        }
        return chain.proceed(chain.request());
    }
}
