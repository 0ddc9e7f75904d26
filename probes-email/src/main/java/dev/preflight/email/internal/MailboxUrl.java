package dev.preflight.email.internal;

import dev.preflight.probe.Secret;
import dev.preflight.support.UserInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The mailbox a test message is sent to, as {@code imaps://user@imap.example.net[:993][/Folder]}
 * (implicit TLS) or {@code imap://user@host[:143][/Folder]} (STARTTLS required), RFC 5092's shape:
 * the login name in the user part, the inbox folder in the path ({@code INBOX} by default). A
 * password in the URL is accepted but better given apart, as the {@code imap-password} setting.
 *
 * @param implicitTls {@code imaps://}
 * @param host the host, without IPv6 brackets
 * @param port the port
 * @param user the login name
 * @param folder the folder the message should land in
 * @param password the password in the URL, if any
 */
public record MailboxUrl(boolean implicitTls, String host, int port, String user, String folder,
        Optional<Secret> password) {
    /** IMAP over implicit TLS, RFC 8314 section 7. */
    public static final int IMAPS_PORT = 993;
    /** IMAP, RFC 9051. */
    public static final int IMAP_PORT = 143;

    /**
     * @param text the URL as configured
     * @return the mailbox
     * @throws IllegalArgumentException naming what is wrong, never quoting a password
     */
    public static MailboxUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL such as imaps://user@imap.example.net/INBOX");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("imap") && !scheme.equals("imaps") || uri.getHost() == null) {
            throw new IllegalArgumentException("must be an imaps:// or imap:// URL with a host, such as"
                    + " imaps://user@imap.example.net/INBOX");
        }
        Optional<UserInfo> info = UserInfo.of(uri);
        if (info.flatMap(UserInfo::nonEmptyName).isEmpty()) {
            throw new IllegalArgumentException("names no user: write the login as imaps://user@host/INBOX");
        }
        String user = info.get().name();
        Optional<Secret> password = info.get().nonEmptyPassword();
        boolean tls = scheme.equals("imaps");
        String host = UserInfo.host(uri);
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "").replaceFirst(";.*$", "");
        String folder = path.isBlank() ? "INBOX" : path;
        return new MailboxUrl(tls, host, uri.getPort() > 0 ? uri.getPort() : tls ? IMAPS_PORT : IMAP_PORT, user, folder,
                password);
    }

    /** @return {@code host:port/folder}, safe to print */
    public String shown() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port + "/" + folder;
    }
}
