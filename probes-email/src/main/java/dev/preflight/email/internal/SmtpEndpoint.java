package dev.preflight.email.internal;

import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.support.UserInfo;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a mail submission server is and who to log in as: {@code smtp://[user[:password]@]host[:port]}
 * (STARTTLS, port 587 by default) or {@code smtps://…} (implicit TLS, port 465 by default, RFC 8314).
 * Without credentials in the URL, the target's {@code username} attribute and {@code password} secret
 * apply. The password is held as a {@link Secret}: never print it.
 *
 * @param host the host name or IP literal, without IPv6 brackets
 * @param port the port
 * @param implicitTls whether the URL is {@code smtps://}: TLS from the first byte
 * @param user the login name, if one is given
 * @param password the password, if one is given
 */
public record SmtpEndpoint(String host, int port, boolean implicitTls, Optional<String> user,
        Optional<Secret> password) {
    /** Message submission, RFC 6409. */
    public static final int SUBMISSION_PORT = 587;
    /** Submission over implicit TLS, RFC 8314 section 3.3. */
    public static final int SUBMISSIONS_PORT = 465;

    /**
     * @param target an SMTP target
     * @return its endpoint, or empty when the target has no {@code smtp://} or {@code smtps://} URL
     */
    public static Optional<SmtpEndpoint> of(Target target) {
        Optional<URI> uri = target.uri().filter(u -> u.getHost() != null && u.getScheme() != null);
        if (uri.isEmpty()) {
            return Optional.empty();
        }
        URI u = uri.get();
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("smtp") && !scheme.equals("smtps")) {
            return Optional.empty();
        }
        boolean implicitTls = scheme.equals("smtps");
        String host = UserInfo.host(u);
        Optional<UserInfo> info = UserInfo.of(u);
        Optional<String> user = info.flatMap(UserInfo::nonEmptyName);
        Optional<Secret> password = info.flatMap(UserInfo::nonEmptyPassword);
        if (password.isEmpty()) {
            password = target.secret("password").filter(p -> !p.reveal().isEmpty());
        }
        if (user.isEmpty()) {
            user = target.attribute("username").filter(n -> !n.isBlank());
        }
        int port = u.getPort() > 0 ? u.getPort() : implicitTls ? SUBMISSIONS_PORT : SUBMISSION_PORT;
        return Optional.of(new SmtpEndpoint(host, port, implicitTls, user, password));
    }

    /** @return {@code host:port}, safe to print */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** @return whether a user name and a password are both given */
    public boolean hasCredentials() {
        return user.isPresent() && password.isPresent();
    }
}
