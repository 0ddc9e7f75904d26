package dev.preflight.env;

import dev.preflight.env.internal.Findings;
import dev.preflight.env.internal.PublicUrls;
import dev.preflight.env.internal.SecretVariables;
import dev.preflight.env.internal.UrlTemplates;
import dev.preflight.env.internal.Variables;
import dev.preflight.probe.Probe;
import dev.preflight.probe.ProbeContext;
import dev.preflight.probe.Result;
import dev.preflight.probe.TargetKind;
import dev.preflight.support.Stage;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code env.websocket-urls}: the WebSocket URLs handed to browsers and clients are encrypted and
 * point at the deployment. A {@code ws://} connection carries session cookies, tokens and every
 * message in plaintext, and a browser refuses it from an HTTPS page as mixed content (RFC 6455 §11.1.2
 * names {@code wss} as the TLS form); a {@code localhost} URL breaks real-time features for every user.
 *
 * <p>Reads {@code WS_URL}, {@code WSS_URL}, {@code SOCKET_URL}, {@code WEBSOCKET_URL}, every name ending
 * in {@code _WS_URL}, {@code _WSS_URL}, {@code _SOCKET_URL} or {@code _WEBSOCKET_URL}
 * ({@code NEXT_PUBLIC_WS_URL}, {@code VITE_SOCKET_URL}, {@code REACT_APP_WEBSOCKET_URL}…), and the
 * names of the setting {@code variable-name}. {@code wss://} passes, and so does {@code https://},
 * which Socket.IO-style clients upgrade to {@code wss}; {@code ws://} or {@code http://} to a
 * non-loopback host FAILs in every stage; a loopback host FAILs in production ("points at localhost")
 * and passes elsewhere; an empty, malformed or other-scheme value FAILs; a
 * {@linkplain UrlTemplates template} FAILs as one ({@code wss://your-domain.com},
 * {@code wss://ws.example.com}). A path-only value ({@code /socket}) passes: it inherits the page's
 * origin. The rules are {@code env.https-urls}'s. None set: SKIP.
 *
 * <p>Details: {@code checked}, {@code failures}, {@code notes}, {@code urls} (scheme, host and port of
 * each URL; never its user, password or query).
 *
 * <p>Settings: {@code env.websocket-urls.variable-name}, further names, comma-separated, {@code *}
 * matching any run of characters (e.g. {@code REALTIME_ENDPOINT,*_PUSHER_URL}).
 *
 * @since 0.1
 */
public final class WebSocketUrlsProbe implements Probe {
    static final List<String> VARIABLES = List.of("WS_URL", "WSS_URL", "SOCKET_URL", "WEBSOCKET_URL");
    private static final Pattern SUFFIXED = Pattern.compile(".+_(WS|WSS|SOCKET|WEBSOCKET)_URL");

    /** Creates the probe; stateless. */
    public WebSocketUrlsProbe() {
    }

    @Override
    public String id() {
        return "env.websocket-urls";
    }

    @Override
    public String title() {
        return "WebSocket URLs use wss://";
    }

    @Override
    public TargetKind targetKind() {
        return TargetKind.ENV;
    }

    @Override
    public Result check(ProbeContext context) {
        Pattern added = SecretVariables.globs(context.settings().list("variable-name"));
        Map<String, String> urls = Variables.matching(context.target().variables(), name -> VARIABLES.contains(name)
                || SUFFIXED.matcher(name).matches() || added.matcher(name).matches());
        if (urls.isEmpty()) {
            return Result.skip("no WebSocket URL set (looked for " + Variables.list(VARIABLES)
                    + " and names ending in _WS_URL, _WSS_URL, _SOCKET_URL, _WEBSOCKET_URL)");
        }
        Findings findings = new Findings();
        PublicUrls judge = new PublicUrls(Map.of("ws", "wss", "http", "https"), "wss", Stage.of(context.target()),
                context.target().location(), findings);
        urls.forEach(judge::judge);
        findings.detail("urls", judge.shown());
        return findings.toResult("WebSocket URLs are encrypted (" + String.join(", ", urls.keySet()) + ")");
    }
}
