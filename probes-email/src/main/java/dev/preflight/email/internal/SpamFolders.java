package dev.preflight.email.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which of a mailbox's folders hold what its provider deemed spam: one whose IMAP LIST attributes
 * include {@code \Junk} (RFC 6154 section 2), or one named as a configured spam folder, with or
 * without an {@code INBOX.} or {@code INBOX/} parent (Courier and Cyrus namespaces).
 */
public final class SpamFolders {
    /**
     * The names providers and clients give the folder: {@code Junk} (Dovecot's example configuration,
     * Apple Mail, Thunderbird, Outlook.com), {@code Spam} (Mail-in-a-Box and many servers),
     * {@code Junk E-mail} (Exchange and Outlook), {@code Junk Email} (Microsoft 365),
     * {@code [Gmail]/Spam} and {@code [Google Mail]/Spam} (Gmail, by locale), {@code Bulk Mail} and
     * {@code Bulk} (Yahoo).
     */
    public static final List<String> DEFAULTS = List.of("Junk", "Spam", "Junk E-mail", "Junk Email", "[Gmail]/Spam",
            "[Google Mail]/Spam", "Bulk Mail", "Bulk");

    private SpamFolders() {
    }

    /**
     * @param fullName the folder's full name, e.g. {@code INBOX.Junk}
     * @param separator the server's hierarchy separator
     * @param attributes its LIST attributes, e.g. {@code \HasNoChildren \Junk}
     * @param names the configured spam folder names, compared without case
     * @return whether it holds spam
     */
    public static boolean isSpam(String fullName, char separator, String[] attributes, List<String> names) {
        if (Arrays.stream(attributes).anyMatch(a -> a.equalsIgnoreCase("\\Junk"))) {
            return true;
        }
        String name = fullName;
        String inbox = "INBOX" + separator;
        if (name.toUpperCase(Locale.ROOT).startsWith(inbox)) {
            name = name.substring(inbox.length());
        }
        String candidate = name;
        return names.stream().anyMatch(n -> n.equalsIgnoreCase(candidate) || n.equalsIgnoreCase(fullName));
    }
}
