package dev.preflight.serve.internal;

import com.sun.net.httpserver.BasicAuthenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * HTTP basic authentication against bcrypt hashes, as the exporter toolkit's {@code basic_auth_users}
 * does. bcrypt costs tens of milliseconds by design, and Prometheus sends the same credentials with
 * every scrape, so a pair once verified is remembered by its SHA-256 digest (never in clear). An
 * unknown user is checked against a dummy hash, so that the answer takes as long as for a known one.
 * Thread-safe.
 */
public final class BcryptAuthenticator extends BasicAuthenticator {
    /** A bcrypt hash of a random string, for unknown users: a check that fails in the same time. */
    private static final String DUMMY = OpenBSDBCrypt.generate("2y", "no user has this password".toCharArray(),
            new byte[16], 10);

    private final Map<String, String> users;
    private final Set<String> verified = ConcurrentHashMap.newKeySet();

    /** @param users user name → bcrypt hash */
    public BcryptAuthenticator(Map<String, String> users) {
        super("preflight");
        this.users = Map.copyOf(users);
    }

    @Override
    public boolean checkCredentials(String user, String password) {
        String digest = digest(user, password);
        if (verified.contains(digest)) {
            return true;
        }
        String hash = users.get(user);
        boolean ok;
        try {
            ok = OpenBSDBCrypt.checkPassword(hash != null ? hash : DUMMY, password.toCharArray()) && hash != null;
        } catch (IllegalArgumentException e) {
            ok = false;
        }
        if (ok) {
            verified.add(digest);
        }
        return ok;
    }

    private static String digest(String user, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(user.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
