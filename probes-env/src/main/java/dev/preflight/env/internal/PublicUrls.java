package dev.preflight.env.internal;

import dev.preflight.support.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges URLs a deployment hands to browsers and clients ({@code FRONTEND_URL}, {@code NEXT_PUBLIC_WS_URL}):
 * each must use an encrypted scheme, name a real host rather than a {@linkplain UrlTemplates template}
 * one, and not point at localhost in production. A path-only value ({@code /api}) passes: it inherits
 * the page's origin. The schemes differ by kind of URL, the rules do not; so {@code env.https-urls}
 * and {@code env.websocket-urls} share them here.
 *
 * <p>Reasons quote schemes and hosts, never users or passwords. Not thread-safe: one per check.
 *
 * @since 0.1
 */
public final class PublicUrls {
    private final Map<String, String> secureFor;
    private final String wanted;
    private final Stage stage;
    private final String file;
    private final Findings findings;
    private final List<String> shown = new ArrayList<>();

    /**
     * @param secureFor each accepted plaintext scheme mapped to its encrypted one, e.g. {@code http → https}
     * @param wanted the scheme to ask for in messages, e.g. {@code https}
     * @param stage the stage the file serves
     * @param file the file's name, for remediations
     * @param findings where problems and notes go
     */
    public PublicUrls(Map<String, String> secureFor, String wanted, Stage stage, String file, Findings findings) {
        this.secureFor = Map.copyOf(secureFor);
        this.wanted = wanted;
        this.stage = stage;
        this.file = file;
        this.findings = findings;
    }

    /**
     * Judges one variable and records the outcome.
     *
     * @param name the variable
     * @param value its cleaned value
     */
    public void judge(String name, String value) {
        findings.checked(name);
        String fix = "Set " + name + " in " + file + " to the deployment's public " + wanted + ":// URL.";
        if (value.startsWith("/") && !value.startsWith("//")) {
            findings.note(name, "is a path, so it inherits the page's scheme");
            return;
        }
        Optional<String> template = UrlTemplates.reason(value, stage);
        if (template.isPresent()) {
            findings.fail(name, template.get(), fix);
            return;
        }
        EnvUrl url;
        try {
            url = EnvUrl.parse(value);
        } catch (IllegalArgumentException e) {
            findings.fail(name, e.getMessage(), fix);
            return;
        }
        shown.add(name + ": " + url.display());
        String scheme = url.scheme();
        boolean known = secureFor.containsKey(scheme) || secureFor.containsValue(scheme);
        if (url.hosts().isEmpty()) {
            findings.fail(name, "has no host", fix);
        } else if (!known) {
            findings.fail(name, "is a " + scheme + ":// URL, not " + wanted + "://", fix);
        } else if (url.isLocal() && stage.isProduction()) {
            findings.fail(name, "points at localhost (" + url.host() + ")", fix);
        } else if (url.isLocal()) {
            findings.note(name, "points at loopback in " + stage.name());
        } else if (secureFor.containsKey(scheme)) {
            String secure = secureFor.get(scheme);
            findings.fail(name, "uses " + scheme + "://", "Serve " + url.host() + " over "
                    + (secure.equals("https") ? "HTTPS" : "TLS") + " and set " + name + "=" + secure + "://"
                    + url.host() + " in " + file + ".");
        }
    }

    /** @return {@code NAME: scheme://host:port} of each URL that parsed, for the {@code urls} detail */
    public List<String> shown() {
        return List.copyOf(shown);
    }
}
