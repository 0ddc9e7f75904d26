package dev.preflight.dns.internal.rdap;

import dev.preflight.net.DeadlineExceededException;
import dev.preflight.net.Network;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.SharedKey;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One RDAP GET (RFC 7480): over https only, following at most {@value #MAX_REDIRECTS} redirects
 * (section 5.2: a registry may send a client to another server), each to an https URL, and reading
 * at most {@link RdapJson#MAX_BYTES} of the body. Each hop gets a client bound to the time left, so
 * the whole chain ends at the check's deadline.
 */
public final class RdapFetch {
    /** Enough for registry, then registrar, then a moved path; more looks like a loop. */
    public static final int MAX_REDIRECTS = 3;

    private RdapFetch() {
    }

    /**
     * What the server, or the last server redirected to, answered.
     *
     * @param url the URL that answered
     * @param code its HTTP status, or 0 when {@code problem} is set
     * @param body at most {@link RdapJson#MAX_BYTES} + 1 bytes of the body
     * @param retryAfter the Retry-After header, or null
     * @param redirects each URL redirected to, in order
     * @param problem why the chain was not followed to an answer (a redirect to http, too many), or null
     */
    public record Answer(String url, int code, byte[] body, String retryAfter, List<String> redirects,
            String problem) {
    }

    /**
     * @param network the check's network
     * @param url an https URL
     * @param accept the Accept header
     * @return the answer
     * @throws IOException if a server cannot be reached, TLS fails, or the deadline comes
     */
    public static Answer get(Network network, HttpUrl url, String accept) throws IOException {
        List<String> redirects = new ArrayList<>();
        HttpUrl current = url;
        while (true) {
            Request request = new Request.Builder().url(current).header("Accept", accept).get().build();
            try (Response response = network.http().newCall(request).execute()) {
                int code = response.code();
                if (!isRedirect(code)) {
                    byte[] body;
                    try (InputStream in = response.body().byteStream()) {
                        body = in.readNBytes(RdapJson.MAX_BYTES + 1);
                    }
                    return new Answer(current.toString(), code, body, response.header("Retry-After"),
                            List.copyOf(redirects), null);
                }
                String location = response.header("Location");
                HttpUrl next = location == null ? null : current.resolve(location);
                String problem = null;
                if (next == null) {
                    problem = current + " answered " + code + " without a usable Location";
                } else if (!next.scheme().toLowerCase(Locale.ROOT).equals("https")) {
                    problem = current + " redirected to " + next + ", which is not https (RFC 7481 3)";
                } else if (redirects.size() == MAX_REDIRECTS) {
                    problem = "more than " + MAX_REDIRECTS + " redirects from " + url;
                }
                if (next != null) {
                    redirects.add(next.toString());
                }
                if (problem != null) {
                    return new Answer(current.toString(), 0, new byte[0], null, List.copyOf(redirects), problem);
                }
                current = next;
            }
        }
    }

    /**
     * {@link #get}, once per URL per run: two targets under one registered domain ask once.
     *
     * @param context the check
     * @param url an https URL
     * @param accept the Accept header
     * @return the answer
     * @throws IOException as {@link #get}, or the deadline passing while another probe asks
     */
    public static Answer oncePerRun(ProbeContext context, HttpUrl url, String accept) throws IOException {
        try {
            return context.shared(SharedKey.perRun("dns.registration.rdap@" + url, Answer.class),
                    () -> get(Network.of(context), url, accept));
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (TimeoutException e) {
            throw new DeadlineExceededException("still waiting for another probe's RDAP answer at the deadline");
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static boolean isRedirect(int code) {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }
}
