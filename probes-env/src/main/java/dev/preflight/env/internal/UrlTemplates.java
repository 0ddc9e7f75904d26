package dev.preflight.env.internal;

import dev.preflight.support.Placeholders;
import dev.preflight.support.Stage;
import dev.preflight.support.TemplateHosts;
import dev.preflight.support.Templates;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises connection and public URLs copied from a template: unfilled {@code <…>}, {@code {…}} or
 * {@code ${…}} parts, the literal {@code port} where a number belongs
 * ({@code postgresql://user:password@host:port/dbname}), a {@linkplain TemplateHosts template host},
 * and a user or password that is a {@linkplain Placeholders placeholder}: a URL password is a secret
 * like any other. Of the path only {@code your…} segments count, since ordinary words live there.
 *
 * <p>Reasons quote hosts, never users or passwords.
 *
 * @since 0.1
 */
public final class UrlTemplates {
    private static final Pattern PORT_WORD = Pattern.compile("(?i):(port|your[-_]?port|portnumber|port_number)(?=[/?#,]|$)");

    private UrlTemplates() {
    }

    /**
     * @param text a URL as written in the file
     * @param stage the stage the file serves
     * @return why it is a template, e.g. {@code "is a template: host 'your-db-host' is a template placeholder"};
     *     empty when no part of it is one
     */
    public static Optional<String> reason(String text, Stage stage) {
        String raw = Variables.clean(text);
        int sep = raw.indexOf("://");
        String authority = sep < 0 ? raw : raw.substring(sep + 3);
        int end = authority.indexOf('/');
        String head = end < 0 ? authority : authority.substring(0, end);
        Optional<String> structural = Templates.reason(head.contains("@") ? head.substring(head.lastIndexOf('@')) : head)
                .filter(r -> r.contains("${") || r.contains("<") || r.contains("{"));
        if (structural.isPresent()) {
            return Optional.of("is a template: its host " + structural.get());
        }
        if (PORT_WORD.matcher(head).find()) {
            return Optional.of("is a template: it has the word 'port' where the port number belongs");
        }
        EnvUrl url;
        try {
            url = EnvUrl.parse(raw);
        } catch (IllegalArgumentException e) {
            return userInfoTemplate(head);
        }
        for (String host : url.hosts()) {
            Optional<String> hostReason = TemplateHosts.reason(host, stage);
            if (hostReason.isPresent()) {
                return Optional.of("is a template: " + hostReason.get());
            }
        }
        for (String segment : url.path().split("/")) {
            if (segment.toLowerCase(java.util.Locale.ROOT).startsWith("your")) {
                return Optional.of("is a template: its path has a 'your…' placeholder");
            }
        }
        Optional<String> password = url.password().flatMap(Placeholders::reason);
        if (password.isPresent()) {
            return Optional.of("is a template: its password " + password.get());
        }
        return url.user().flatMap(Templates::reason).map(r -> "is a template: its user name " + r);
    }

    /** A URL that does not parse may still carry a template in its user information. */
    private static Optional<String> userInfoTemplate(String authority) {
        int at = authority.lastIndexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String userInfo = authority.substring(0, at);
        int colon = userInfo.indexOf(':');
        String password = colon < 0 ? "" : userInfo.substring(colon + 1);
        return Placeholders.reason(password).map(r -> "is a template: its password " + r);
    }
}
