package dev.preflight.db.redis.internal;

import dev.preflight.probe.Secret;
import dev.preflight.probe.Target;
import dev.preflight.support.IpAddresses;
import dev.preflight.support.UserInfo;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a Redis target is and who to log in as: {@code redis://[user[:password]@]host[:port][/db]} or
 * {@code rediss://…} for TLS. Without credentials in the URL, the target's {@code password} secret
 * and {@code username} attribute apply. The password is held as a {@link Secret}: never print it.
 *
 * @param host the host name or IP literal, without IPv6 brackets
 * @param port the port, 6379 by default
 * @param tls whether the URL is {@code rediss://}
 * @param user the ACL user, if one is named
 * @param password the password, if one is given
 */
public record RedisEndpoint(String host, int port, boolean tls, Optional<String> user, Optional<Secret> password) {
    private static final int DEFAULT_PORT = 6379;

    /**
     * @param target a Redis target
     * @return its endpoint, or empty when the target has no {@code redis://} or {@code rediss://} URL
     */
    public static Optional<RedisEndpoint> of(Target target) {
        Optional<URI> uri = target.uri().filter(u -> u.getHost() != null && u.getScheme() != null);
        if (uri.isEmpty()) {
            return Optional.empty();
        }
        URI u = uri.get();
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            return Optional.empty();
        }
        String host = UserInfo.host(u);
        Optional<String> user = Optional.empty();
        Optional<Secret> password = Optional.empty();
        Optional<UserInfo> info = UserInfo.of(u);
        if (info.isPresent()) {
            // redis://secret@host is the password alone, as redis-cli -u and most clients read it.
            if (info.get().password().isEmpty()) {
                password = Optional.of(Secret.of(info.get().name())).filter(p -> !p.reveal().isEmpty());
            } else {
                user = info.get().nonEmptyName();
                password = info.get().nonEmptyPassword();
            }
        }
        if (password.isEmpty()) {
            password = target.secret("password");
            user = user.or(() -> target.attribute("username").filter(n -> !n.isBlank()));
        }
        return Optional.of(new RedisEndpoint(host, u.getPort() > 0 ? u.getPort() : DEFAULT_PORT, scheme.equals("rediss"),
                user, password));
    }

    /** @return {@code host:port}, safe to print */
    public String address() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** @return whether credentials were given: a password, with or without a user */
    public boolean hasCredentials() {
        return password.isPresent();
    }

    /**
     * Whether the URL names this machine: {@code localhost} or a loopback literal. Judged on the name
     * the application uses, not on where {@code --resolve} sends the check, so a remote name tested
     * through an override still counts as remote.
     *
     * @return whether traffic to the host stays on this machine
     */
    public boolean isLoopbackName() {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (!IpAddresses.isLiteral(host)) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
